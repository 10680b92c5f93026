import "server-only";
import { sql } from "drizzle-orm";
import { taughtCourseCondition } from "@/lib/auth/course-permissions";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { courses } from "@/lib/db/schema";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt, perCourseFigures } from "./enrollment-figures";
import { rangeInfo, resolveRange } from "./range";
import type { InstructorAnalytics } from "./types";

/**
 * Figures across the courses the viewer teaches (course-permissions' taughtCourseCondition): an admin gets the courses
 * they teach themselves here, and the platform in getAdminAnalytics.
 */
export async function getInstructorAnalytics(
  viewer: Viewer | null,
  query: AnalyticsQuery,
  now: Date = new Date(),
): Promise<InstructorAnalytics> {
  const instructor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  const taught = taughtCourseCondition(instructor);
  // The figures' SQL names the courses table `c`; the rule's condition names it `courses`.
  const scope = sql`c.id in (select ${courses.id} from ${courses} where ${taught})`;
  const range = resolveRange(query, now, await firstEnrollmentAt(scope));
  const [summary, series, courseRows] = await Promise.all([
    enrollmentSummary(scope, range, now),
    enrollmentsOverTime(scope, range),
    perCourseFigures(scope, range, now),
  ]);
  return {
    range: rangeInfo(range),
    summary,
    enrollmentsOverTime: series.enrollments,
    completionsOverTime: series.completions,
    courses: courseRows.map((c) => ({
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
