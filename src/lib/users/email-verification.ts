import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { env } from "@/env";
import { hashToken, newLinkToken } from "@/lib/auth/link-token";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { type EmailTokenPurpose, emailTokens, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { keyPart, queueMail } from "@/lib/mail/outgoing";
import { enforceLimits, limits } from "@/lib/rate-limit/rate-limit";
import { loadSessionUser, type SignedInAccount } from "./session-user";

export const EMAIL_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

type Executor = Database | Transaction;

/** Stores a hashed one-time token for the address and returns the token for the link. */
export async function issueEmailToken(
  executor: Executor,
  fields: { userId: string; purpose: EmailTokenPurpose; email: string },
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = newLinkToken();
  await executor.insert(emailTokens).values({ ...fields, tokenHash, expiresAt: new Date(now.getTime() + EMAIL_TOKEN_TTL_MS) });
  return token;
}

/** Uses up a token of this purpose if it is known, unused and unexpired; otherwise a 400 naming the link. */
export async function consumeEmailToken(tx: Transaction, token: string, purpose: EmailTokenPurpose, now = new Date()) {
  const [used] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ userId: emailTokens.userId, email: emailTokens.email });
  if (!used) {
    throw new AppError("BAD_REQUEST", "This link is not valid or has expired. Ask for a new one.", {
      fields: { token: "This link is not valid or has expired." },
    });
  }
  return used;
}

/**
 * What a proved address brings: an address listed in ADMIN_EMAILS becomes an admin only now, so that nobody takes the
 * platform by signing up first with an admin's address. Called wherever an address is verified (our link, magic links).
 */
export async function applyVerifiedAddress(executor: Executor, userId: string): Promise<void> {
  const [user] = await executor
    .select({ email: users.email, role: users.role, emailVerified: users.emailVerified })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.emailVerified && user.role !== "ADMIN" && env.adminEmails.includes(user.email)) {
    await executor.update(users).set({ role: "ADMIN", updatedAt: new Date() }).where(eq(users.id, userId));
  }
}

/** The verification link of a new account; `callbackUrl` (already checked) is where the user goes once verified. */
export function verificationLink(token: string, callbackUrl?: string | null): string {
  const url = new URL("/verify-email", env.appUrl);
  url.searchParams.set("token", token);
  if (callbackUrl) url.searchParams.set("callbackUrl", callbackUrl);
  return url.toString();
}

/**
 * Queues a fresh verification link to the account's address, with its token in one transaction (the caller's, when it
 * passes one). Account mail (there is no confirmed account yet): no List-Unsubscribe.
 */
export async function sendVerificationMail(
  user: { id: string; email: string },
  callbackUrl?: string | null,
  { tx }: { tx?: Transaction } = {},
): Promise<void> {
  const send = async (executor: Transaction) => {
    const token = await issueEmailToken(executor, { userId: user.id, purpose: "verify_email", email: user.email });
    await queueMail(
      { to: user.email, template: "verifyEmail", props: { link: verificationLink(token, callbackUrl) } },
      { tx: executor, key: `verify:${keyPart(token)}` },
    );
  };
  await (tx ? send(tx) : db.transaction(send));
}

/**
 * Verifies the address the link was sent to and returns the user, whom the caller signs in: the link proves the mailbox
 * as a magic link does. A link for an address the account no longer has is refused.
 */
export async function verifyEmail(token: string, now = new Date()): Promise<SignedInAccount> {
  const userId = await db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, token, "verify_email", now);
    const [user] = await tx
      .update(users)
      .set({ emailVerified: now, updatedAt: now })
      .where(and(eq(users.id, used.userId), eq(users.email, used.email), isNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!user)
      throw new AppError("BAD_REQUEST", "This link is not valid any more.", { fields: { token: "This link is not valid any more." } });
    await applyVerifiedAddress(tx, user.id);
    return user.id;
  });
  return (await loadSessionUser(userId))!;
}

/** A new link for a signed-in user who has not verified yet (at most 3 an hour). */
export async function resendVerification(user: Pick<SignedInAccount, "id" | "email" | "emailVerified">): Promise<void> {
  if (user.emailVerified) throw new AppError("CONFLICT", "Your address is already confirmed.");
  await enforceLimits(limits.resendVerification(user.id), "confirmation mails");
  await sendVerificationMail(user);
}
