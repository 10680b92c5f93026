import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery, LearnersQuery } from "@/lib/validation/analytics";
import { cohortsOfCourse } from "@/lib/cohorts/manage-cohorts";
import { courseAnalyticsOf } from "./get-course-analytics";
import { learnersPageOf } from "./list-course-learners";
import type { CourseAnalytics, LearnersPage } from "./types";

/**
 * What the course analytics page shows, the figures and a page of learners, behind one editor check: asked for
 * separately, each would check (and read the course) again.
 */
export async function getCourseAnalyticsPage(
  viewer: Viewer | null,
  courseId: string,
  query: AnalyticsQuery,
  learnersQuery: LearnersQuery,
): Promise<{ analytics: CourseAnalytics; learners: LearnersPage; cohorts: { id: string; name: string }[] }> {
  const course = await requireCourseEditor(viewer, courseId);
  const [analytics, learners, cohorts] = await Promise.all([
    courseAnalyticsOf(course, query),
    learnersPageOf(course.id, learnersQuery),
    cohortsOfCourse(course.id),
  ]);
  return { analytics, learners, cohorts };
}
