import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { env } from "@/env";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { defer } from "@/lib/jobs/defer";
import { AppError } from "@/lib/http/errors";
import { keyPart, queueMail } from "@/lib/mail/outgoing";
import { enforceLimits, limits } from "@/lib/rate-limit/rate-limit";
import type { ChangeEmailInput } from "@/lib/validation/auth";
import { consumeEmailToken, issueEmailToken } from "./email-verification";
import type { SignedInAccount } from "./session-user";

export const EMAIL_CHANGE_ANSWER = "We have sent a link to the new address. Your address changes when you open it.";

const appLink = (path: string) => new URL(path, env.appUrl).toString();

/**
 * Asks to move the account to another address: a link goes to the new address, and nothing changes until it is opened.
 * Only a verified account can (its current address is proved), with its password when it has one. An address that
 * already has an account answers the same and its owner is told, so the form cannot be used to find accounts.
 */
export async function requestEmailChange(
  user: Pick<SignedInAccount, "id" | "email" | "emailVerified">,
  input: ChangeEmailInput,
  ip: string,
): Promise<void> {
  if (!user.emailVerified) throw new AppError("FORBIDDEN", "Confirm your current address before you change it.");
  if (input.email === user.email) {
    throw new AppError("VALIDATION_FAILED", "That is already your address.", { fields: { email: "That is already your address." } });
  }
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (row?.passwordHash && !(input.currentPassword && (await verifyPassword(input.currentPassword, row.passwordHash)))) {
    throw new AppError("VALIDATION_FAILED", "Your current password is not right.", {
      fields: { currentPassword: "Enter your current password." },
    });
  }
  await enforceLimits(limits.mail("change", ip, user.id), "address changes");
  // After the response (defer): a taken address and a free one take the same time to answer. Both mails are account
  // mail (an address's access to an account): no List-Unsubscribe.
  await defer("address change mail", async () => {
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) {
      await queueMail(
        { to: input.email, template: "emailTaken", props: { signIn: appLink("/signin") } },
        { key: `email-taken:${randomUUID()}` },
      );
      return;
    }
    await db.transaction(async (tx) => {
      const token = await issueEmailToken(tx, { userId: user.id, purpose: "change_email", email: input.email });
      await queueMail(
        { to: input.email, template: "emailChange", props: { link: appLink(`/confirm-email?token=${token}`) } },
        { tx, key: `email-change:${keyPart(token)}` },
      );
    });
  });
}

/**
 * Moves the account to the address the link was sent to (now verified) and tells the old address, a security mail
 * (no List-Unsubscribe, never turned off), queued in the same transaction.
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<{ email: string }> {
  const { newEmail } = await db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, token, "change_email", now);
    const [current] = await tx.select({ email: users.email }).from(users).where(eq(users.id, used.userId)).for("update");
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, used.email), ne(users.id, used.userId)));
    if (!current || taken) {
      throw new AppError("CONFLICT", "This address now belongs to another account. Ask for a link to another address.");
    }
    await tx.update(users).set({ email: used.email, emailVerified: now, updatedAt: now }).where(eq(users.id, used.userId));
    if (current.email !== used.email) {
      await queueMail(
        { to: current.email, template: "emailChanged", props: { newAddress: used.email, reset: appLink("/forgot-password") } },
        { tx, key: `email-changed:${keyPart(token)}` },
      );
    }
    return { newEmail: used.email };
  });
  return { email: newEmail };
}
