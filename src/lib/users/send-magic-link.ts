import "server-only";
import { signIn } from "@/lib/auth/auth";
import { log } from "@/lib/log/logger";
import { assertWithinLimits, limits } from "@/lib/rate-limit/rate-limit";

export const MAGIC_LINK_ANSWER = "If that address can sign in, we have sent it a link. It works once, for 15 minutes.";

/**
 * Mails a one-time sign-in link through Auth.js, which stores the token hashed and counts the limit as it sends; the
 * limit is checked first so that a refusal is a 429 rather than Auth.js's error page. Whether or not the address has
 * an account (or is disabled), the caller answers the same.
 */
export async function sendMagicLink(email: string, returnTo: string, ip: string): Promise<void> {
  await assertWithinLimits(limits.mail("magic", ip, email), "sign-in links requested");
  const result: unknown = await signIn("nodemailer", { email, redirectTo: returnTo, redirect: false });
  if (typeof result === "string" && result.includes("error=") && !result.includes("error=AccessDenied")) {
    log("AUTH").warn({ result }, "magic link not sent");
  }
}
