import { sql } from "drizzle-orm";
import { memberOf } from "./cohort-filter";
import type { RangeInfo } from "./types";
import type { AnalyticsQuery } from "@/lib/validation/analytics";

/**
 * A range as the queries use it: the days it covers, the half-open instant interval [start, end) in UTC, and the
 * cohort whose members alone count, if any.
 */
export type ResolvedRange = RangeInfo & { start: string; end: string; cohortId?: string };

const DAY_MS = 86_400_000;
const DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const;

const utcDay = (ms: number) => new Date(Math.floor(ms / DAY_MS) * DAY_MS);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The days a range covers, ending today (UTC): 7d is today and the six days before it. "all" starts on the day of the
 * first event (`firstEventAt`), or today when there is none; an event after `now` does not move it past today.
 */
export function resolveRange(query: AnalyticsQuery, now: Date, firstEventAt: Date | null): ResolvedRange {
  const today = utcDay(now.getTime());
  const first =
    query.range === "all"
      ? utcDay(Math.min(firstEventAt?.getTime() ?? today.getTime(), today.getTime()))
      : new Date(today.getTime() - (DAYS[query.range] - 1) * DAY_MS);
  return {
    range: query.range,
    bucket: query.bucket,
    from: ymd(first),
    to: ymd(today),
    start: first.toISOString(),
    end: new Date(today.getTime() + DAY_MS).toISOString(),
    cohortId: query.cohortId,
  };
}

/** What the answer tells about the range: the days, not the instants the queries used. */
export const rangeInfo = ({ range, bucket, from, to }: ResolvedRange): RangeInfo => ({ range, bucket, from, to });

/** The range's enrollments (aliased `e`): made inside it, and with a cohort filter, its members' only. */
export const enrolledIn = (range: ResolvedRange) =>
  sql`e.enrolled_at >= ${range.start}::timestamptz and e.enrolled_at < ${range.end}::timestamptz and ${memberOf(range.cohortId)}`;
