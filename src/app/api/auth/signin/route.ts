import { respondWithSession } from "@/lib/auth/respond-with-session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin, clientIp } from "@/lib/http/request";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { signInSchema } from "@/lib/validation/auth";

/** Sign in with e-mail and password: 200 with the user and a session cookie, 401 with one message otherwise. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, signInSchema);
  const user = await verifyCredentials(input, clientIp(request));
  return respondWithSession(user, { next: user.onboarded ? "/dashboard" : "/onboarding" });
});
