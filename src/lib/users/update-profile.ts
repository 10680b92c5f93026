import "server-only";
import { eq, sql } from "drizzle-orm";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { ChangePasswordInput, ProfileInput } from "@/lib/validation/auth";
import { loadSessionUser, type SignedInAccount } from "./session-user";

export async function updateProfile(viewer: Viewer, input: ProfileInput) {
  const [updated] = await db
    .update(users)
    .set({ name: input.name, updatedAt: new Date() })
    .where(eq(users.id, viewer.id))
    .returning({ id: users.id, name: users.name, email: users.email });
  return updated!;
}

/**
 * Changing a password needs the current one, unless the account has none yet (it signed up by magic link). It ends
 * every other session of the user (session_version moves on); the caller gives this one a fresh cookie.
 */
export async function changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<SignedInAccount> {
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
  await db
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, viewer.id));
  return (await loadSessionUser(viewer.id))!;
}
