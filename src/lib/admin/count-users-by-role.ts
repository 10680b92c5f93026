import "server-only";
import { count, isNotNull } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users, type UserRole } from "@/lib/db/schema";

/** Admins: how many users hold each role, and how many accounts are disabled. */
export async function countUsersByRole(viewer: Viewer) {
  requireRoleOf(viewer, "ADMIN");
  const [rows, [disabled]] = await Promise.all([
    db.select({ role: users.role, value: count() }).from(users).groupBy(users.role),
    db.select({ value: count() }).from(users).where(isNotNull(users.disabledAt)),
  ]);
  const byRole: Record<UserRole, number> = { ADMIN: 0, INSTRUCTOR: 0, LEARNER: 0 };
  for (const row of rows) byRole[row.role] = row.value;
  return { byRole, disabled: disabled?.value ?? 0, total: byRole.ADMIN + byRole.INSTRUCTOR + byRole.LEARNER };
}
