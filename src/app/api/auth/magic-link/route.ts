import { NextResponse } from "next/server";
import { signIn } from "@/lib/auth/auth";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin, clientIp } from "@/lib/http/request";
import { log } from "@/lib/log/logger";
import { assertWithinLimits, limits } from "@/lib/rate-limit/rate-limit";
import { magicLinkSchema } from "@/lib/validation/auth";

const MAGIC_LINK_ANSWER = "If that address can sign in, we have sent it a link. It works once, for 15 minutes.";

/**
 * Mails a one-time sign-in link through Auth.js (which stores the token hashed and counts the limit as it sends).
 * The answer is the same whether or not the address has an account, or is disabled.
 */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { email, callbackUrl } = await parseJson(request, magicLinkSchema);
  await assertWithinLimits(limits.mail("magic", clientIp(request), email), "sign-in links requested");
  const result: unknown = await signIn("nodemailer", { email, redirectTo: readCallbackUrl(callbackUrl) ?? "/dashboard", redirect: false });
  if (typeof result === "string" && result.includes("error=") && !result.includes("error=AccessDenied")) {
    log("AUTH").warn({ result }, "magic link not sent");
  }
  return NextResponse.json({ message: MAGIC_LINK_ANSWER });
});
