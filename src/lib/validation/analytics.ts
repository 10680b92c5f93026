import { z } from "zod";
import { blankToUndefined, queryText } from "./text";

export const ANALYTICS_RANGES = ["7d", "30d", "90d", "all"] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];
export const ANALYTICS_BUCKETS = ["day", "week"] as const;
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];
export const LEARNER_SORTS = ["name", "enrolled", "progress", "activity"] as const;
export const LEARNERS_PAGE_SIZE = 25;

/** Days per bucket: by day up to 30 days, by week beyond, unless the caller asks. */
export const defaultBucket = (range: AnalyticsRange): AnalyticsBucket => (range === "7d" || range === "30d" ? "day" : "week");

/** Only the learners who are members of this cohort (every analytics view takes it). */
const cohortIdQuery = z.preprocess(blankToUndefined, z.uuid({ error: "Cohort must be a cohort's id." }).optional());

export const analyticsQuerySchema = z
  .object({
    range: z.preprocess(blankToUndefined, z.enum(ANALYTICS_RANGES, { error: "Range must be 7d, 30d, 90d or all." }).default("30d")),
    bucket: z.preprocess(blankToUndefined, z.enum(ANALYTICS_BUCKETS, { error: "Bucket must be day or week." }).optional()),
    cohortId: cohortIdQuery,
  })
  .transform((q): AnalyticsQuery => ({ range: q.range, bucket: q.bucket ?? defaultBucket(q.range), cohortId: q.cohortId }));
export type AnalyticsQuery = { range: AnalyticsRange; bucket: AnalyticsBucket; cohortId?: string };

export const learnersQuerySchema = z.object({
  q: queryText("The search", 200, "Search with at most 200 characters."),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(LEARNER_SORTS, { error: "Sort by name, enrolled, progress or activity." }).default("enrolled"),
  ),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "Direction must be asc or desc." }).default("desc")),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).default(1),
  ),
  cohortId: cohortIdQuery,
});
export type LearnersQuery = z.infer<typeof learnersQuerySchema>;

/** A view that takes the cohort filter alone (the gradebook). */
export const cohortQuerySchema = z.object({ cohortId: cohortIdQuery });

/** `format=csv` asks a data route for its CSV download instead of JSON. */
export const exportFormatSchema = z.object({
  format: z.preprocess(blankToUndefined, z.enum(["json", "csv"], { error: "Format must be json or csv." }).default("json")),
});
