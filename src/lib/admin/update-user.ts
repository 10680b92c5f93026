import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { queueAccountDisabledMail, queueRoleChangedMail } from "@/lib/mail/security-mails";
import { endAllUserSessions } from "@/lib/users/user-sessions";
import type { AdminUserUpdate } from "@/lib/validation/admin";

/**
 * Admins change a user's role or disable and enable the account. The change applies on the user's next request (every
 * session read reloads the user); disabling also ends every session of the user, so enabling the account again does not
 * bring them back: the user signs in anew. The platform always keeps one active admin: the admin rows are locked in the
 * transaction, so two admins demoting each other at once cannot both succeed. The user is told by mail (security mail,
 * in the same transaction) when their role changes or their account is disabled.
 */
export async function updateUserByAdmin(viewer: Viewer, userId: string, change: AdminUserUpdate) {
  requireRoleOf(viewer, "ADMIN");
  return db.transaction(async (tx) => {
    const activeAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "ADMIN"), isNull(users.disabledAt)))
      .for("update");
    const [target] = await tx
      .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!target) throw new AppError("NOT_FOUND", "This user does not exist.");

    const isActiveAdmin = target.role === "ADMIN" && target.disabledAt === null;
    const losesAdmin = (change.role !== undefined && change.role !== "ADMIN") || change.disabled === true;
    if (isActiveAdmin && losesAdmin && activeAdmins.every((admin) => admin.id === target.id)) {
      throw new AppError("CONFLICT", "This is the last active admin. Make another user an admin first.");
    }

    const [updated] = await tx
      .update(users)
      .set({
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.disabled !== undefined ? { disabledAt: change.disabled ? (target.disabledAt ?? new Date()) : null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt });
    if (change.disabled === true) await endAllUserSessions(userId, tx);
    const event = randomUUID();
    if (change.role !== undefined && change.role !== target.role) {
      await queueRoleChangedMail(tx, updated!.email, change.role, `${userId}:${event}`);
    }
    if (change.disabled === true && target.disabledAt === null) await queueAccountDisabledMail(tx, updated!.email, `${userId}:${event}`);
    return updated!;
  });
}

/** How many active admins other than this user there are (for the UI to explain a refusal before it happens). */
export async function otherActiveAdminCount(viewer: Viewer, userId: string) {
  requireRoleOf(viewer, "ADMIN");
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "ADMIN"), isNull(users.disabledAt), ne(users.id, userId)));
  return rows.length;
}
