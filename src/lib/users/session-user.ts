import "server-only";
import { and, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users, userSessions } from "@/lib/db/schema";
import { isSessionId } from "./user-sessions";

/** A user as signing in sees them: the acting user, and whether the account may hold a session. */
export type SignedInAccount = Viewer & { disabled: boolean };

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  onboardedAt: users.onboardedAt,
  emailVerified: users.emailVerified,
  disabledAt: users.disabledAt,
};

type AccountRow = { [K in keyof typeof accountColumns]: (typeof users.$inferSelect)[K] };

const accountOf = ({ onboardedAt, disabledAt, emailVerified, ...rest }: AccountRow): SignedInAccount => ({
  ...rest,
  onboarded: onboardedAt !== null,
  emailVerified: emailVerified !== null,
  disabled: disabledAt !== null,
});

/** A user as a sign-in needs them: one primary-key lookup, never the password hash. */
export async function loadSessionUser(id: string): Promise<SignedInAccount | null> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ? accountOf(row) : null;
}

/**
 * What every request needs to know about its session, in one query: the user as they are now, joined with the row of
 * the session the cookie names. Null when either is gone (the device signed out, or was signed out from elsewhere).
 */
export async function loadSignedInSession(
  userId: string,
  sessionId: unknown,
): Promise<{ account: SignedInAccount; lastSeenAt: Date; sessionId: string } | null> {
  if (!isSessionId(sessionId)) return null;
  const [row] = await db
    .select({ ...accountColumns, lastSeenAt: userSessions.lastSeenAt })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.id, sessionId), eq(userSessions.userId, users.id)))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { lastSeenAt, ...account } = row;
  return { account: { ...accountOf(account), sessionId }, lastSeenAt, sessionId };
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
