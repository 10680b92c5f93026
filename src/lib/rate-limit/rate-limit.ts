import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

/**
 * Fixed-window counters in Postgres, so every instance shares them. Hand-written rather than a library: the
 * Postgres stores of rate-limit libraries want a node-postgres pool and their own table, and we run on PGlite and Neon
 * through Drizzle as well.
 */

export type Limit = { key: string; limit: number; windowSeconds: number };
export type LimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

function windowOf(windowSeconds: number, now: number) {
  const start = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  return { start: new Date(start * 1000), end: new Date((start + windowSeconds) * 1000) };
}

/** Counts one attempt against the limit and says whether it is allowed. */
export async function consume({ key, limit, windowSeconds }: Limit, now = Date.now()): Promise<LimitResult> {
  const { start, end } = windowOf(windowSeconds, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: start, count: 1, expiresAt: end })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  // Old windows are dead weight; clearing this key's is cheap and keeps the table small without a job.
  if (row!.count === 1) await db.delete(rateLimits).where(and(eq(rateLimits.key, key), lt(rateLimits.expiresAt, start)));
  const count = row!.count;
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now) / 1000)) };
}

/** Counts the attempt against every limit; throws a 429 AppError with Retry-After when any is exceeded. */
export async function enforceLimits(limits: Limit[], what: string, now = Date.now()): Promise<void> {
  let retryAfter = 0;
  for (const limit of limits) {
    const result = await consume(limit, now);
    if (!result.allowed) retryAfter = Math.max(retryAfter, result.retryAfterSeconds);
  }
  if (retryAfter > 0) throw tooMany(what, retryAfter);
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The limits of the issue: sign-in 10/min per IP and e-mail; mail 5/h per e-mail and 20/h per IP; sign-up 10/h per IP. */
export const limits = {
  signIn: (ip: string, email: string): Limit[] => [
    { key: `signin:ip:${ip}`, limit: 10, windowSeconds: 60 },
    { key: `signin:email:${email}`, limit: 10, windowSeconds: 60 },
  ],
  mail: (kind: "reset" | "magic" | "change", ip: string, email: string): Limit[] => [
    { key: `${kind}:email:${email}`, limit: 5, windowSeconds: 3600 },
    { key: `${kind}:ip:${ip}`, limit: 20, windowSeconds: 3600 },
  ],
  signUp: (ip: string): Limit[] => [{ key: `signup:ip:${ip}`, limit: 10, windowSeconds: 3600 }],
  /** Verification mails asked for again, per account. */
  resendVerification: (userId: string): Limit[] => [{ key: `verify:user:${userId}`, limit: 3, windowSeconds: 3600 }],
  /** Failed password sign-ins across every account and address: past `limit`, everyone's sign-in slows down. */
  failedSignIns: { key: "signin:failed:all", limit: 100, windowSeconds: 60 } satisfies Limit,
};

/** How many attempts the limit's current window has counted, without counting one. */
export async function countInWindow({ key, windowSeconds }: Limit, now = Date.now()): Promise<number> {
  const { start } = windowOf(windowSeconds, now);
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, start)));
  return row?.count ?? 0;
}

/**
 * Password spraying (one guess per account from many addresses) passes every per-address and per-account limit. When
 * the platform's failed sign-ins in a minute pass the budget, every password sign-in waits before its check: 1 second,
 * and 1 more for each further 100 failures, up to 10. Nobody is locked out; each guess gets slower for everyone.
 */
export function signInSlowdownMs(failuresThisWindow: number, budget = limits.failedSignIns.limit): number {
  if (failuresThisWindow <= budget) return 0;
  return Math.min(10_000, 1000 * (1 + Math.floor((failuresThisWindow - budget - 1) / 100)));
}

/**
 * Throws the same 429 as enforceLimits when any limit is already used up, without counting. For flows where the
 * counting happens further in (Auth.js sends the magic link), so that the caller can answer 429 before starting them.
 */
export async function assertWithinLimits(checks: Limit[], what: string, now = Date.now()): Promise<void> {
  let retryAfter = 0;
  for (const check of checks) {
    const { end } = windowOf(check.windowSeconds, now);
    if ((await countInWindow(check, now)) >= check.limit) {
      retryAfter = Math.max(retryAfter, Math.max(1, Math.ceil((end.getTime() - now) / 1000)));
    }
  }
  if (retryAfter > 0) throw tooMany(what, retryAfter);
}

function tooMany(what: string, retryAfterSeconds: number) {
  return new AppError("RATE_LIMITED", `Too many ${what}. Try again in ${describeWait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}
