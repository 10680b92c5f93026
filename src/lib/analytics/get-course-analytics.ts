import "server-only";
import { sql } from "drizzle-orm";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt } from "./enrollment-figures";
import { courseFunnel } from "./course-funnel";
import { rangeInfo, resolveRange } from "./range";
import { sharedFigures } from "./shared-figures";
import { queryRows } from "./sql-rows";
import type { CourseAnalytics } from "./types";

async function courseFigures(courseId: string, query: AnalyticsQuery, now: Date) {
  const scope = sql`c.id = ${courseId}`;
  const range = resolveRange(query, now, await firstEnrollmentAt(scope));
  const [summary, series, funnel] = await Promise.all([
    enrollmentSummary(scope, range, now),
    enrollmentsOverTime(scope, range),
    courseFunnel(courseId, range),
  ]);
  return { range: rangeInfo(range), summary, enrollmentsOverTime: series.enrollments, completionsOverTime: series.completions, funnel };
}

/**
 * The course's figures over the range, for its instructor or an admin (404 when not visible, 403 when not theirs).
 * Without `now` (tests fix the clock with it), figures are shared for a short while: the key holds the course's
 * updated_at, which every lesson insert, delete and move sets, and its enrollment count, so that a curriculum change or
 * a new learner shows at once on every instance.
 */
export async function getCourseAnalytics(courseId: string, query: AnalyticsQuery, now?: Date): Promise<CourseAnalytics> {
  const { course } = await requireCourseEditor(courseId);
  const [facts] = await queryRows<{ totalLessons: number; version: string }>(
    sql`select total_lessons as "totalLessons", updated_at::text || '/' || enrollment_count as version from courses where id = ${courseId}`,
  );
  const figures = now
    ? await courseFigures(courseId, query, now)
    : await sharedFigures(`${courseId}:${facts?.version}:${query.range}:${query.bucket}`, () => courseFigures(courseId, query, new Date()));
  return {
    course: { id: course.id, title: course.title, isPublished: course.isPublished, totalLessons: facts?.totalLessons ?? 0 },
    ...figures,
  };
}
