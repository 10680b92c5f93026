import { route } from "@/app/_http/route";
import { respondSignedOut } from "@/app/_http/session-response";
import { endSessionOf } from "@/lib/users/user-sessions";
import { sessionParams } from "@/lib/validation/sessions";

/** Signs out one of the user's devices (404 for one that is not theirs); this device's own cookie is cleared too. */
export const DELETE = route({ access: "user", params: sessionParams }, async ({ viewer, params }) => {
  const { current } = await endSessionOf(viewer, params.sessionId);
  return current ? respondSignedOut() : new Response(null, { status: 204 });
});
