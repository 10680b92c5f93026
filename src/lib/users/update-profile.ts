import "server-only";
import { eq } from "drizzle-orm";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { queuePasswordChangedMail } from "@/lib/mail/security-mails";
import type { ChangePasswordInput, ProfileInput } from "@/lib/validation/auth";
import { loadSessionUser, type SignedInAccount } from "./session-user";
import { endAllUserSessions, startUserSession, type SessionDevice } from "./user-sessions";

/** The user's name, and their bio when it is sent (an empty one removes it). */
export async function updateProfile(viewer: Viewer, input: ProfileInput) {
  const [updated] = await db
    .update(users)
    .set({ name: input.name, ...(input.bio !== undefined ? { bio: input.bio } : {}), updatedAt: new Date() })
    .where(eq(users.id, viewer.id))
    .returning({ id: users.id, name: users.name, email: users.email, bio: users.bio });
  return updated!;
}

/**
 * Changing a password needs the current one, unless the account has none yet (it signed up by magic link). In one
 * transaction it ends every session of the user and starts a new one for the device that asked (the `device`), so this
 * device stays signed in and every other device, and any copy of this device's old cookie, is signed out. The account
 * comes back with the new session, for the caller's cookie.
 */
export async function changePassword(viewer: Viewer, input: ChangePasswordInput, device: SessionDevice): Promise<SignedInAccount> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (row?.passwordHash) {
    if (!input.currentPassword) {
      throw new AppError("VALIDATION_FAILED", "Enter your current password.", {
        fields: { currentPassword: "Enter your current password." },
      });
    }
    if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
      throw new AppError("VALIDATION_FAILED", "Your current password is not right.", {
        fields: { currentPassword: "Your current password is not right." },
      });
    }
  }
  assertAcceptablePassword(input.newPassword, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const sessionId = await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, viewer.id))
      .returning({ email: users.email });
    await endAllUserSessions(viewer.id, tx);
    const started = await startUserSession(viewer.id, device, tx);
    // The new session's id names this change once.
    await queuePasswordChangedMail(tx, user!.email, `session:${started}`);
    return started;
  });
  return { ...(await loadSessionUser(viewer.id))!, sessionId };
}
