import "server-only";
import { sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor, type EditableCourse } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { requireCohortFilter, type CohortFilter } from "./cohort-filter";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt } from "./enrollment-figures";
import { courseFunnel } from "./course-funnel";
import { courseAssignments } from "./course-assignments";
import { courseQuizzes } from "./course-quizzes";
import { rangeInfo, resolveRange } from "./range";
import { sharedFigures } from "./shared-figures";
import type { CourseAnalytics } from "./types";

async function courseFigures(courseId: string, query: AnalyticsQuery, now: Date) {
  const scope = oneCourse(courseId);
  const range = resolveRange(query, now, await firstEnrollmentAt(scope, query.cohortId));
  const [summary, series, funnel, quizzes, assignments] = await Promise.all([
    enrollmentSummary(scope, range, now),
    enrollmentsOverTime(scope, range),
    courseFunnel(courseId, range),
    courseQuizzes(courseId, range),
    courseAssignments(courseId, range),
  ]);
  return {
    range: rangeInfo(range),
    summary,
    enrollmentsOverTime: series.enrollments,
    completionsOverTime: series.completions,
    funnel,
    quizzes,
    assignments,
  };
}

/** The course as the scope condition of the cohort filter (see cohort-filter.ts). */
export const oneCourse = (courseId: string) => sql`c.id = ${courseId}`;

/**
 * The figures of a course the viewer has passed the editor check for, built on the facts that check returned, over
 * the members of `cohort` only when there is one (the caller has checked the viewer may filter by it).
 * Without `now` (tests fix the clock with it), figures are shared for a short while: the key holds the course's
 * updated_at, which every lesson insert, delete and move sets, and its enrollment count, so that a curriculum change or
 * a new learner shows at once on every instance; filtered, it holds the cohort and its member count too, so that one
 * cohort's figures are never another's and a member added or removed shows at once.
 */
export async function courseAnalyticsOf(
  course: EditableCourse,
  query: AnalyticsQuery,
  cohort: CohortFilter | null,
  now?: Date,
): Promise<CourseAnalytics> {
  const filtered = { ...query, cohortId: cohort?.id };
  const key = `${course.id}:${course.updatedAt.toISOString()}/${course.enrollmentCount}:${query.range}:${query.bucket}:${cohort ? `${cohort.id}/${cohort.members}` : "all"}`;
  const figures = now
    ? await courseFigures(course.id, filtered, now)
    : await sharedFigures(key, () => courseFigures(course.id, filtered, new Date()));
  return {
    course: { id: course.id, title: course.title, isPublished: course.isPublished, totalLessons: course.totalLessons },
    cohort: cohort && { id: cohort.id, name: cohort.name },
    ...figures,
  };
}

/**
 * The course's figures over the range, for its instructor or an admin (404 when not visible, 403 when not theirs),
 * over a cohort's members only with `query.cohortId` (404 when the viewer may not filter this course by it).
 */
export async function getCourseAnalytics(
  viewer: Viewer | null,
  courseId: string,
  query: AnalyticsQuery,
  now?: Date,
): Promise<CourseAnalytics> {
  const course = await requireCourseEditor(viewer, courseId);
  const cohort = await requireCohortFilter(viewer, oneCourse(course.id), query.cohortId);
  return courseAnalyticsOf(course, query, cohort, now);
}
