import { respondWithSession } from "@/lib/auth/respond-with-session";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { verifyEmail } from "@/lib/users/email-verification";
import { emailTokenSchema } from "@/lib/validation/auth";

/** The page a verification link opens posts its token here: the address is confirmed and the user signed in. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { token, callbackUrl } = await parseJson(request, emailTokenSchema);
  const user = await verifyEmail(token);
  const returnTo = readCallbackUrl(callbackUrl);
  const next = user.onboarded
    ? (returnTo ?? "/dashboard")
    : `/onboarding${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`;
  return respondWithSession(user, { next });
});
