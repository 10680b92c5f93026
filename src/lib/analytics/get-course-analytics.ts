import "server-only";
import { sql } from "drizzle-orm";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { enrollmentSummary, enrollmentsOverTime, firstEnrollmentAt } from "./enrollment-figures";
import { rangeInfo, resolveRange, type ResolvedRange } from "./range";
import { percentSql, queryRows } from "./sql-rows";
import type { CourseAnalytics, FunnelStep } from "./types";

/** Every lesson in curriculum order, with how many of the range's enrollments completed it and where they stopped. */
async function funnel(courseId: string, range: ResolvedRange): Promise<FunnelStep[]> {
  return queryRows<FunnelStep>(sql`
    with cohort as (
      select e.id from enrollments e
      where e.course_id = ${courseId} and e.enrolled_at >= ${range.start}::timestamptz and e.enrolled_at < ${range.end}::timestamptz
    ), size as (
      select count(*)::int as n from cohort
    ), done as (
      select lp.lesson_id, count(*) filter (where lp.completed)::int as completed,
        avg(lp.video_position) filter (where lp.video_position > 0) as average_position
      from lesson_progress lp join cohort on cohort.id = lp.enrollment_id
      group by lp.lesson_id
    )
    select l.id as "lessonId", l.title, m.title as "moduleTitle",
      (row_number() over (order by m.ord, l.ord, l.id))::int as position,
      coalesce(d.completed, 0) as completed,
      ${percentSql(sql`coalesce(d.completed, 0)`, sql`size.n`)} as "completedPercent",
      case when l.video_key is null then null else round(d.average_position, 1)::float8 end as "averageVideoPosition",
      l.video_duration as "videoDuration"
    from lessons l join modules m on m.id = l.module_id cross join size left join done d on d.lesson_id = l.id
    where m.course_id = ${courseId}
    order by m.ord, l.ord, l.id`);
}

/** The course's figures over the range, for its instructor or an admin (404 when not visible, 403 when not theirs). */
export async function getCourseAnalytics(courseId: string, query: AnalyticsQuery, now: Date = new Date()): Promise<CourseAnalytics> {
  const { course } = await requireCourseEditor(courseId);
  const scope = sql`e.course_id = ${courseId}`;
  const range = resolveRange(query, now, await firstEnrollmentAt(scope));
  const [[facts], summary, series, steps] = await Promise.all([
    queryRows<{ totalLessons: number }>(sql`select total_lessons as "totalLessons" from courses where id = ${courseId}`),
    enrollmentSummary(scope, range, now),
    enrollmentsOverTime(scope, range),
    funnel(courseId, range),
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
