import "server-only";
import { sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { requireCohortFilter } from "./cohort-filter";
import { csvLine, slugify, type CsvDownload } from "./csv";
import { firstEnrollmentAt, perCourseFigures } from "./enrollment-figures";
import { resolveRange } from "./range";

const HEADER = ["Course", "Instructor", "Status", "Enrollments", "Completions", "Completion rate (%)", "Average progress (%)"];

/**
 * Admins: one CSV row per course with its enrollments of the range, their completions and progress; with
 * `query.cohortId`, of that cohort's members only (404 when there is no such cohort).
 */
export async function exportAdminAnalytics(viewer: Viewer | null, query: AnalyticsQuery, now: Date = new Date()): Promise<CsvDownload> {
  requireRoleOf(viewer, "ADMIN");
  const cohort = await requireCohortFilter(viewer, sql`true`, query.cohortId);
  const range = resolveRange({ ...query, cohortId: cohort?.id }, now, await firstEnrollmentAt(sql`true`, cohort?.id));
  const rows = await perCourseFigures(sql`true`, range, null);
  const lines = [
    csvLine(HEADER),
    ...rows.map((r) =>
      csvLine([
        r.title,
        r.instructorName,
        r.isPublished ? "published" : "draft",
        r.enrollments,
        r.completions,
        r.completionRate,
        r.averageProgress,
      ]),
    ),
  ];
  const body = new Blob(lines).stream();
  const of = cohort ? `-${slugify(cohort.name, "cohort")}` : "";
  return { fileName: `budhhub-courses${of}-${range.range}-${range.to}.csv`, body };
}
