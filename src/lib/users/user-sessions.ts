import "server-only";
import Bowser from "bowser";
import { and, desc, eq, gt, lt } from "drizzle-orm";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth.config";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { users, userSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

/**
 * One row per signed-in device (user_sessions). Every way of signing in starts one and puts its id in the session
 * cookie (the `sid` claim); every request checks that the row is still there (src/lib/users/session-user.ts), so deleting
 * a row ends that device's session at once, and any copy of its cookie with it.
 */

type Executor = Database | Transaction;

/** What a sign-in knows about the device: read at the edge from the request's headers. */
export type SessionDevice = { userAgent: string | null; ip: string | null };

/**
 * How often a session's last_seen_at moves on: at most once in this interval, so that most requests write nothing. It is
 * the staleness bound of "last seen": a device that is in use shows as seen up to five minutes ago.
 */
export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

/**
 * A session unseen for this long cannot be in use: its cookie (renewed at most as often as it is seen) has expired. Such
 * rows are not listed, and are removed when the user next signs in.
 */
const DEAD_AFTER_MS = SESSION_MAX_AGE_SECONDS * 1000 + LAST_SEEN_INTERVAL_MS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A session id as the cookie carries it; anything else (a token made before sessions had ids) names no session. */
export const isSessionId = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** Starts a session for a user who has just proved who they are, and returns its id for the cookie. */
export async function startUserSession(userId: string, device: SessionDevice, executor: Executor = db, now = new Date()): Promise<string> {
  await executor
    .delete(userSessions)
    .where(and(eq(userSessions.userId, userId), lt(userSessions.lastSeenAt, new Date(now.getTime() - DEAD_AFTER_MS))));
  const [row] = await executor
    .insert(userSessions)
    .values({
      userId,
      userAgent: device.userAgent?.slice(0, 512) || null,
      ip: device.ip?.slice(0, 64) || null,
      createdAt: now,
      lastSeenAt: now,
    })
    .returning({ id: userSessions.id });
  // Every sign-in starts a session here (password, magic link, a confirmed address, an accepted invitation): the
  // user's last sign-in, which admins see, is the newest session's start.
  await executor.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
  return row!.id;
}

/** Moves last_seen_at on if it is older than the interval; the condition keeps concurrent requests from writing twice. */
export async function touchUserSession(sessionId: string, lastSeenAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < LAST_SEEN_INTERVAL_MS) return;
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_INTERVAL_MS))));
}

/** Signing out: ends the one session the cookie names (nothing when the token has no session id). */
export async function endUserSession(userId: string, sessionId: unknown): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await db.delete(userSessions).where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)));
}

/** Ends every session of a user: a password reset, an admin disabling the account, "Sign out everywhere". */
export async function endAllUserSessions(userId: string, executor: Executor = db): Promise<void> {
  await executor.delete(userSessions).where(eq(userSessions.userId, userId));
}

export type UserSessionSummary = {
  id: string;
  /** "Firefox on Windows"; "Unknown browser" when the User-Agent says nothing we can read. */
  device: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  /** The session of the request that asks. */
  current: boolean;
};

/** The browser and system a User-Agent names, as far as bowser can tell. */
export function describeUserAgent(userAgent: string | null): { device: string; browser: string | null; os: string | null } {
  const parser = userAgent?.trim() ? Bowser.getParser(userAgent) : null;
  const browser = parser?.getBrowserName() || null;
  const os = parser?.getOSName() || null;
  const device = browser && os ? `${browser} on ${os}` : (browser ?? (os ? `A browser on ${os}` : "Unknown browser"));
  return { device, browser, os };
}

/** The viewer's live sessions, the one of this request first, then by last seen. */
export async function listUserSessions(viewer: Viewer | null, now = new Date()): Promise<UserSessionSummary[]> {
  const user = requireSignedIn(viewer);
  const rows = await db
    .select({
      id: userSessions.id,
      userAgent: userSessions.userAgent,
      ip: userSessions.ip,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, user.id), gt(userSessions.lastSeenAt, new Date(now.getTime() - DEAD_AFTER_MS))))
    .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.createdAt));
  const sessions = rows.map(({ userAgent, createdAt, ...row }) => ({
    ...row,
    ...describeUserAgent(userAgent),
    signedInAt: createdAt,
    current: row.id === user.sessionId,
  }));
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/**
 * Ends one of the viewer's own sessions ("Sign out" on a row of the profile's list). Another user's session is not
 * found, as is one that has ended already. Says whether it was the session of this request, whose cookie then goes.
 */
export async function endSessionOf(viewer: Viewer | null, sessionId: string): Promise<{ current: boolean }> {
  const user = requireSignedIn(viewer);
  const [ended] = await db
    .delete(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, user.id)))
    .returning({ id: userSessions.id });
  if (!ended) throw new AppError("NOT_FOUND", "This session has ended already, or is not yours.");
  return { current: ended.id === user.sessionId };
}

/** "Sign out everywhere": every session of the viewer ends, this one too. */
export async function endAllSessionsOf(viewer: Viewer | null): Promise<void> {
  await endAllUserSessions(requireSignedIn(viewer).id);
}
