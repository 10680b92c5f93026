import "server-only";
import { LRUCache } from "lru-cache";

/**
 * A course's figures are reused on this instance for up to 4 seconds, and requests that arrive while they are being
 * computed wait for the same computation: over 100,000 enrollments they take about a second on the embedded
 * database, and several people opening one dashboard should not each pay for it. Keys carry what must show at once
 * (see getCourseAnalytics); lesson completions on this instance drop the course's entries (analyticsChanged).
 * Figures filtered by a cohort are kept under their own key, which holds the cohort and its member count, so a
 * membership change shows at once too.
 *
 * Across instances the TTL alone is the bound: an entry's clock starts when its computation starts, so a completion or
 * a grade made on another instance shows here within SHARED_FIGURES_TTL_MS (4 s) of being committed, inside the 5 s the
 * scale test holds us to (tests/scale/cache-bounds.test.ts). No cross-instance signal is needed for that, on any driver;
 * at most one computation per course every 4 s per instance, and only while someone is looking.
 */
export const SHARED_FIGURES_TTL_MS = 4_000;

const figures = new LRUCache<string, Promise<unknown>>({ max: 500, ttl: SHARED_FIGURES_TTL_MS });

export function sharedFigures<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = figures.get(key);
  if (hit) return hit as Promise<T>;
  const pending = compute();
  figures.set(key, pending);
  // A failure is not kept: the next request tries again.
  pending.catch(() => {
    if (figures.get(key) === pending) figures.delete(key);
  });
  return pending;
}

/** Drops this instance's figures of a course, so that its instructor sees a completion on the next load. */
export function analyticsChanged(courseId: string) {
  for (const key of figures.keys()) if (key.startsWith(`${courseId}:`)) figures.delete(key);
}
