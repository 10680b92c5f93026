import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { notificationPreferences, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { kindUses, LOCKED_KINDS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { readUnsubscribeToken } from "./unsubscribe-token";

export type Unsubscribe = { kind: NotificationKind; label: string };

/**
 * What a mail's unsubscribe token turns off: one kind of mail for one user. A token we did not make (changed, cut short)
 * and a security kind (never turned off) are a 400 that says so.
 */
export function readUnsubscribe(token: string): Unsubscribe & { userId: string } {
  const read = readUnsubscribeToken(token);
  if (!read) {
    throw new AppError(
      "BAD_REQUEST",
      "This unsubscribe link is not valid. Open it again from the mail, or change your settings in your profile.",
      {
        fields: { token: "This unsubscribe link is not valid." },
      },
    );
  }
  if (LOCKED_KINDS.includes(read.kind) || !kindUses(read.kind, "email")) {
    throw new AppError("BAD_REQUEST", "Security mails cannot be turned off: they tell you when your account changes.", {
      fields: { token: "This kind of mail cannot be turned off." },
    });
  }
  return { ...read, label: NOTIFICATION_KINDS[read.kind].label };
}

/**
 * One-click unsubscribe (RFC 8058): no session, the signed token is the authority. Turns the token's kind off for mail,
 * for the token's user only; every other kind and channel stays as it was. Saying it twice is the same as once, and a
 * user who is gone has nothing left to turn off.
 */
export async function unsubscribeByToken(token: string): Promise<Unsubscribe> {
  const { userId, kind, label } = readUnsubscribe(token);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return { kind, label };
  const now = new Date();
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, channel: "email", enabled: false, updatedAt: now })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
      set: { enabled: false, updatedAt: now },
    });
  return { kind, label };
}
