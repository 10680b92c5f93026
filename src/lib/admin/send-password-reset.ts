import "server-only";
import { eq } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { enforceLimits, type Limit } from "@/lib/rate-limit/rate-limit";
import { queueResetMail } from "@/lib/users/password-reset";

/** Reset links an admin may send one user: 3 an hour (on top of what the user asks for at /forgot-password). */
export const adminResetLimit = (userId: string): Limit[] => [{ key: `admin-reset:user:${userId}`, limit: 3, windowSeconds: 3600 }];

/**
 * Admins: mails a user the password-reset link of the forgot-password flow (the same mail, a hashed token, one hour,
 * single use). A disabled account gets none: enable it first. Returns the address it went to.
 */
export async function sendPasswordResetByAdmin(viewer: Viewer, userId: string, now = new Date()): Promise<{ email: string }> {
  requireRoleOf(viewer, "ADMIN");
  const [user] = await db
    .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
  if (user.disabledAt) throw new AppError("CONFLICT", "This account is disabled: enable it before sending a reset link.");
  await enforceLimits(adminResetLimit(user.id), "reset links sent to this user", now.getTime());
  await db.transaction((tx) => queueResetMail(tx, user, now));
  return { email: user.email };
}
