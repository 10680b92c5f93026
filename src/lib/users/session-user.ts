import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users, type UserRole } from "@/lib/db/schema";

export type SessionUser = {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
  onboarded: boolean;
  /** The address was proved by a mailed link (or a magic link); until then no admin role, no publishing, no address change. */
  emailVerified: boolean;
  disabled: boolean;
  sessionVersion: number;
};

/** What every request needs to know about its user: one primary-key lookup, never the password hash. */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      onboardedAt: users.onboardedAt,
      emailVerified: users.emailVerified,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row) return null;
  const { onboardedAt, disabledAt, emailVerified, ...rest } = row;
  return { ...rest, onboarded: onboardedAt !== null, emailVerified: emailVerified !== null, disabled: disabledAt !== null };
}
