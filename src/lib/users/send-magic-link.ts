import "server-only";
import { signIn } from "@/lib/auth/auth";
import { log } from "@/lib/log/logger";
import { assertWithinLimits, limits } from "@/lib/rate-limit/rate-limit";

export const MAGIC_LINK_ANSWER = "If that address can sign in, we have sent it a link. It works once, for 15 minutes.";

const isAccessDenied = (error: unknown) =>
  error instanceof Error && ((error as Error & { type?: unknown }).type === "AccessDenied" || error.message.startsWith("AccessDenied"));

/**
 * Mails a one-time sign-in link through Auth.js, which stores the token hashed and counts the limit as it sends; the
 * limit is checked first so that a refusal is a 429 rather than Auth.js's error page. Whether or not the address has
 * an account (or is disabled, or the sign-up policy lets it make none), the caller answers the same.
 */
export async function sendMagicLink(email: string, returnTo: string, ip: string): Promise<void> {
  await assertWithinLimits(limits.mail("magic", ip, email), "sign-in links requested");
  let result: unknown;
  try {
    result = await signIn("nodemailer", { email, redirectTo: returnTo, redirect: false });
  } catch (error) {
    // The signIn callback said no (a disabled account, or an address the sign-up policy lets make no account): Auth.js
    // throws AccessDenied, which the caller must answer like a sent link, or the answer would tell who may sign in.
    if (isAccessDenied(error)) return;
    throw error;
  }
  if (typeof result === "string" && result.includes("error=") && !result.includes("error=AccessDenied")) {
    log("AUTH").warn({ result }, "magic link not sent");
  }
}
