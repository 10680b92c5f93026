import "server-only";
import { sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { csvLine, type CsvDownload } from "./csv";
import { firstEnrollmentAt, perCourseFigures } from "./enrollment-figures";
import { resolveRange } from "./range";

const HEADER = ["Course", "Instructor", "Status", "Enrollments", "Completions", "Completion rate (%)", "Average progress (%)"];

/** Admins: one CSV row per course with its enrollments of the range, their completions and progress. */
export async function exportAdminAnalytics(viewer: Viewer | null, query: AnalyticsQuery, now: Date = new Date()): Promise<CsvDownload> {
  requireRoleOf(viewer, "ADMIN");
  const range = resolveRange(query, now, await firstEnrollmentAt(sql`true`));
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
  return { fileName: `budhhub-courses-${range.range}-${range.to}.csv`, body };
}
