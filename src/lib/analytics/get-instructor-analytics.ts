import "server-only";
import { sql } from "drizzle-orm";
import { requireRole } from "@/lib/auth/session";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt, perCourseFigures } from "./enrollment-figures";
import { rangeInfo, resolveRange } from "./range";
import type { InstructorAnalytics } from "./types";

/**
 * Figures across the courses the signed-in instructor teaches. An admin gets the courses they teach themselves: the
 * platform view is getAdminAnalytics.
 */
export async function getInstructorAnalytics(query: AnalyticsQuery, now: Date = new Date()): Promise<InstructorAnalytics> {
  const viewer = await requireRole("INSTRUCTOR", "ADMIN");
  const scope = sql`c.instructor_id = ${viewer.id}`;
  const range = resolveRange(query, now, await firstEnrollmentAt(scope));
  const [summary, series, courses] = await Promise.all([
    enrollmentSummary(scope, range, now),
    enrollmentsOverTime(scope, range),
    perCourseFigures(scope, range, now),
  ]);
  return {
    range: rangeInfo(range),
    summary,
    enrollmentsOverTime: series.enrollments,
    completionsOverTime: series.completions,
    courses: courses.map((c) => ({
      courseId: c.courseId,
      title: c.title,
      isPublished: c.isPublished,
      enrollments: c.enrollments,
      completions: c.completions,
      completionRate: c.completionRate,
      averageProgress: c.averageProgress,
      activeLearners30d: c.activeLearners30d,
    })),
  };
}
