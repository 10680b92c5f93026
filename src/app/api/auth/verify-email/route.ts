import { route } from "@/app/_http/route";
import { respondWithSession } from "@/app/_http/session-response";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { verifyEmail } from "@/lib/users/email-verification";
import { emailTokenSchema } from "@/lib/validation/auth";

/** The page a verification link opens posts its token here: the address is confirmed and this device signed in. */
export const POST = route({ access: "public", body: emailTokenSchema }, async ({ request, body }) => {
  const user = await verifyEmail(body.token);
  const returnTo = readCallbackUrl(body.callbackUrl);
  const next = user.onboarded ? (returnTo ?? "/dashboard") : `/onboarding${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`;
  return respondWithSession(request, user, { next });
});
