import "server-only";
import { sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor, type EditableCourse } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt } from "./enrollment-figures";
import { courseFunnel } from "./course-funnel";
import { courseAssignments } from "./course-assignments";
import { courseQuizzes } from "./course-quizzes";
import { rangeInfo, resolveRange } from "./range";
import { sharedFigures } from "./shared-figures";
import type { CourseAnalytics } from "./types";

async function courseFigures(courseId: string, query: AnalyticsQuery, now: Date) {
  const scope = sql`c.id = ${courseId}`;
  const range = resolveRange(query, now, await firstEnrollmentAt(scope));
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

/**
 * The figures of a course the viewer has passed the editor check for, built on the facts that check returned.
 * Without `now` (tests fix the clock with it), figures are shared for a short while: the key holds the course's
 * updated_at, which every lesson insert, delete and move sets, and its enrollment count, so that a curriculum change or
 * a new learner shows at once on every instance.
 */
export async function courseAnalyticsOf(course: EditableCourse, query: AnalyticsQuery, now?: Date): Promise<CourseAnalytics> {
  const figures = now
    ? await courseFigures(course.id, query, now)
    : await sharedFigures(`${course.id}:${course.updatedAt.toISOString()}/${course.enrollmentCount}:${query.range}:${query.bucket}`, () =>
        courseFigures(course.id, query, new Date()),
      );
  return {
    course: { id: course.id, title: course.title, isPublished: course.isPublished, totalLessons: course.totalLessons },
    ...figures,
  };
}

/** The course's figures over the range, for its instructor or an admin (404 when not visible, 403 when not theirs). */
export async function getCourseAnalytics(
  viewer: Viewer | null,
  courseId: string,
  query: AnalyticsQuery,
  now?: Date,
): Promise<CourseAnalytics> {
  return courseAnalyticsOf(await requireCourseEditor(viewer, courseId), query, now);
}
