import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery, LearnersQuery } from "@/lib/validation/analytics";
import { cohortChoices, requireCohortFilter } from "./cohort-filter";
import { courseAnalyticsOf, oneCourse } from "./get-course-analytics";
import { learnersPageOf } from "./list-course-learners";
import type { CourseAnalytics, LearnersPage } from "./types";

/**
 * What the course analytics page shows, the figures and a page of learners, behind one editor check (asked for
 * separately, each would check and read the course again), with the cohort selector's choices. One cohort filter,
 * `query.cohortId`, applies to the figures and the learners alike (404 when the viewer may not filter by it).
 */
export async function getCourseAnalyticsPage(
  viewer: Viewer | null,
  courseId: string,
  query: AnalyticsQuery,
  learnersQuery: Omit<LearnersQuery, "cohortId">,
): Promise<{ analytics: CourseAnalytics; learners: LearnersPage; cohorts: { id: string; name: string }[] }> {
  const course = await requireCourseEditor(viewer, courseId);
  const scope = oneCourse(course.id);
  const cohort = await requireCohortFilter(viewer, scope, query.cohortId);
  const [analytics, learners, cohorts] = await Promise.all([
    courseAnalyticsOf(course, query, cohort),
    learnersPageOf(course.id, { ...learnersQuery, cohortId: cohort?.id }),
    cohortChoices(viewer, scope),
  ]);
  return { analytics, learners, cohorts };
}
