import { route } from "@/app/_http/route";
import { respondWithSession } from "@/app/_http/session-response";
import { clientIp } from "@/lib/http/request";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { signInSchema } from "@/lib/validation/auth";

/** Sign in with e-mail and password: 200 with the user and a new session for this device, 401 with one message otherwise. */
export const POST = route({ access: "public", body: signInSchema }, async ({ request, body }) => {
  const user = await verifyCredentials(body, clientIp(request));
  return respondWithSession(request, user, { next: user.onboarded ? "/dashboard" : "/onboarding" });
});
