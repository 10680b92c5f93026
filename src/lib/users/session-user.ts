import "server-only";
import { eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/** A user as signing in sees them: the acting user, and what decides whether their session still holds. */
export type SignedInAccount = Viewer & { disabled: boolean; sessionVersion: number };

/** What every request needs to know about its user: one primary-key lookup, never the password hash. */
export async function loadSessionUser(id: string): Promise<SignedInAccount | null> {
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

/** The acting user of an account: what lib functions take, without what only the session layer needs. */
export const viewerOf = ({ id, name, email, role, onboarded, emailVerified }: SignedInAccount): Viewer => ({
  id,
  name,
  email,
  role,
  onboarded,
  emailVerified,
});
