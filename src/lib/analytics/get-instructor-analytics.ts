import "server-only";
import { sql } from "drizzle-orm";
import { taughtCourseCondition } from "@/lib/auth/course-permissions";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { courses } from "@/lib/db/schema";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { cohortChoices, requireCohortFilter } from "./cohort-filter";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt, perCourseFigures } from "./enrollment-figures";
import { rangeInfo, resolveRange } from "./range";
import type { InstructorAnalytics } from "./types";

/** The courses the viewer teaches, as a condition on courses aliased `c` (the rule's condition names it `courses`). */
function taughtScope(viewer: Viewer | null) {
  const instructor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  return sql`c.id in (select ${courses.id} from ${courses} where ${taughtCourseCondition(instructor)})`;
}

/**
 * Figures across the courses the viewer teaches (course-permissions' taughtCourseCondition): an admin gets the courses
 * they teach themselves here, and the platform in getAdminAnalytics. With `query.cohortId`, over that cohort's members
 * only (404 when the viewer may not filter by it: see cohort-filter.ts).
 */
export async function getInstructorAnalytics(
  viewer: Viewer | null,
  query: AnalyticsQuery,
  now: Date = new Date(),
): Promise<InstructorAnalytics> {
  const scope = taughtScope(viewer);
  const cohort = await requireCohortFilter(viewer, scope, query.cohortId);
  const filtered = { ...query, cohortId: cohort?.id };
  const range = resolveRange(filtered, now, await firstEnrollmentAt(scope, cohort?.id));
  const [summary, series, courseRows] = await Promise.all([
    enrollmentSummary(scope, range, now),
    enrollmentsOverTime(scope, range),
    perCourseFigures(scope, range, now),
  ]);
  return {
    range: rangeInfo(range),
    cohort: cohort && { id: cohort.id, name: cohort.name },
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

/** The cohorts the viewer may filter their overview by (see cohort-filter.ts). */
export async function instructorCohortChoices(viewer: Viewer | null) {
  return cohortChoices(viewer, taughtScope(viewer));
}
