import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { env } from "@/env";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { defer } from "@/lib/jobs/defer";
import { queueMail } from "@/lib/mail/outgoing";
import { AppError } from "@/lib/http/errors";
import { enforceLimits, limits } from "@/lib/rate-limit/rate-limit";
import { currentSignUpRefusal } from "@/lib/settings/signup-policy";
import type { SignUpInput } from "@/lib/validation/auth";
import { sendVerificationMail } from "./email-verification";

export const SIGN_UP_ANSWER =
  "Check your inbox: we have sent a message to that address. If it is new to BudhHub, the message has a link to confirm it; if it already has an account, the message says how to sign in.";

/**
 * Creates an unverified learner who still has to onboard, and mails the address a link to confirm it. An address that
 * already has an account gets a message saying someone tried, with sign-in and reset links. Both answer the same, after
 * the same password hashing, with the mail sent after the response: sign-up never tells who has an account. An address
 * in ADMIN_EMAILS becomes an admin only once it is confirmed. The sign-up policy comes first: under "invitation", or
 * for an address outside the listed domains, a 403 says why and nothing is written or mailed; the refusal depends on
 * the address's domain only, so it tells nothing about who has an account.
 */
export async function signUpWithPassword(
  input: Omit<SignUpInput, "callbackUrl"> & { callbackUrl?: string | null },
  ip: string,
): Promise<void> {
  await enforceLimits(limits.signUp(ip), "sign-ups from your network");
  const refusal = await currentSignUpRefusal(input.email);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const [created] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, role: "LEARNER" })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email });
  // Both mails are queued after the response (defer), so that the answer takes no longer for one than for the other.
  await defer("sign-up mail", async () => {
    if (created) {
      await sendVerificationMail(created, input.callbackUrl);
      return;
    }
    const [owner] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, input.email));
    if (!owner || owner.disabledAt) return;
    const signIn = new URL("/signin", env.appUrl).toString();
    const reset = new URL("/forgot-password", env.appUrl).toString();
    // Account mail (about access to an account): no List-Unsubscribe.
    await queueMail({ to: input.email, template: "signUpAttempt", props: { signIn, reset } }, { key: `signup-attempt:${randomUUID()}` });
  });
}
