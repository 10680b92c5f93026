import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { env } from "@/env";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { hashToken, newLinkToken } from "@/lib/auth/link-token";
import { hashPassword } from "@/lib/auth/password";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { passwordResetTokens, users } from "@/lib/db/schema";
import { defer } from "@/lib/jobs/defer";
import { AppError } from "@/lib/http/errors";
import { keyPart, queueMail } from "@/lib/mail/outgoing";
import { queuePasswordChangedMail } from "@/lib/mail/security-mails";
import { enforceLimits, limits } from "@/lib/rate-limit/rate-limit";
import type { ResetPasswordInput } from "@/lib/validation/auth";
import { endAllUserSessions } from "./user-sessions";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const FORGOT_PASSWORD_ANSWER = "If an account exists for that address, we have sent it a link to reset the password.";

/**
 * Mails a reset link when the account exists. The answer, and the time to give it, are the same either way: the
 * look-up, the token and the queued mail come after the response is sent.
 */
export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<void> {
  await enforceLimits(limits.mail("reset", ip, email), "password reset requests");
  await defer("password reset mail", async () => {
    const [user] = await db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email)).limit(1);
    if (!user || user.disabledAt) return;
    await db.transaction((tx) => queueResetMail(tx, { id: user.id, email }, now));
  });
}

/**
 * A new reset token and its mail, in the caller's transaction. Account mail (about access to the account): no
 * List-Unsubscribe.
 */
export async function queueResetMail(tx: Transaction, user: { id: string; email: string }, now = new Date()): Promise<void> {
  const token = await createResetToken(user.id, now, tx);
  await queueMail(
    { to: user.email, template: "passwordReset", props: { link: `${env.appUrl}/reset-password?token=${token}` } },
    { tx, key: `reset:${keyPart(token)}` },
  );
}

/** 32 random bytes, mailed as base64url; only the SHA-256 is stored. */
export async function createResetToken(userId: string, now = new Date(), executor: Database | Transaction = db): Promise<string> {
  const { token, tokenHash } = newLinkToken();
  await executor.insert(passwordResetTokens).values({
    userId,
    tokenHash,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
  });
  return token;
}

/**
 * Sets the new password if the token is known, unused and unexpired. In one transaction: the token is used up, every
 * other reset token of the user is dropped, and every session of the user ends (on every device).
 */
export async function resetPassword(input: ResetPasswordInput, now = new Date()): Promise<void> {
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const invalid = new AppError("BAD_REQUEST", "This reset link is not valid or has expired. Ask for a new one.", {
    fields: { token: "This reset link is not valid or has expired." },
  });
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!used) throw invalid;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, email: users.email });
    await endAllUserSessions(used.userId, tx);
    await queuePasswordChangedMail(tx, user!.email, `reset:${keyPart(input.token)}`);
    await tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, used.userId), isNull(passwordResetTokens.usedAt)));
  });
}
