import { respondWithSession } from "@/lib/auth/respond-with-session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin, clientIp } from "@/lib/http/request";
import { signUpWithPassword } from "@/lib/users/sign-up-with-password";
import { signUpSchema } from "@/lib/validation/auth";

/** Sign up with name, e-mail and password: 201 with the user and a session cookie; onboarding comes next. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, signUpSchema);
  const user = await signUpWithPassword(input, clientIp(request));
  return respondWithSession(user, { next: "/onboarding" }, 201);
});
