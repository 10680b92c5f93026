import "server-only";
import { sql } from "drizzle-orm";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt } from "./enrollment-figures";
import { courseFunnel } from "./course-funnel";
import { rangeInfo, resolveRange } from "./range";
import { queryRows } from "./sql-rows";
import type { CourseAnalytics } from "./types";

/** The course's figures over the range, for its instructor or an admin (404 when not visible, 403 when not theirs). */
export async function getCourseAnalytics(courseId: string, query: AnalyticsQuery, now: Date = new Date()): Promise<CourseAnalytics> {
  const { course } = await requireCourseEditor(courseId);
  const scope = sql`c.id = ${courseId}`;
  const range = resolveRange(query, now, await firstEnrollmentAt(scope));
  const [[facts], summary, series, steps] = await Promise.all([
    queryRows<{ totalLessons: number }>(sql`select total_lessons as "totalLessons" from courses where id = ${courseId}`),
    enrollmentSummary(scope, range, now, true),
    enrollmentsOverTime(scope, range),
    courseFunnel(courseId, range),
  ]);
  return {
    course: { id: course.id, title: course.title, isPublished: course.isPublished, totalLessons: facts?.totalLessons ?? 0 },
    range: rangeInfo(range),
    summary,
    enrollmentsOverTime: series.enrollments,
    completionsOverTime: series.completions,
    funnel: steps,
  };
}
