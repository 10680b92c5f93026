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
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row) return null;
  const { onboardedAt, disabledAt, ...rest } = row;
  return { ...rest, onboarded: onboardedAt !== null, disabled: disabledAt !== null };
}
