import { respondWithSession } from "@/lib/auth/respond-with-session";
import { requireUser } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { changePassword } from "@/lib/users/update-profile";
import { changePasswordSchema } from "@/lib/validation/auth";

/** Changes the password, ends the user's other sessions and renews this one. */
export const PUT = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, changePasswordSchema);
  const viewer = await requireUser();
  const user = await changePassword(viewer, input);
  return respondWithSession(user, { message: "Your password has been changed. Other devices have been signed out." });
});
