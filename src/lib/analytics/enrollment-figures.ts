import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ResolvedRange } from "./range";
import { averageSql, percentSql, queryRows } from "./sql-rows";
import { countOverTime } from "./time-series";
import type { EnrollmentSummary, InstructorCourseRow } from "./types";

/**
 * Figures over a set of enrollments. `scope` is a condition on enrollments aliased `e` (one course, an instructor's
 * courses). The range's cohort is the enrollments made in it; completions among them are those with completed_at set,
 * which the progress recomputation keeps in step with progress = 100 when lessons are added or removed.
 */

const inCohort = (range: ResolvedRange) => sql`e.enrolled_at >= ${range.start}::timestamptz and e.enrolled_at < ${range.end}::timestamptz`;

/** Lesson completions in the 30 days up to now: the window both active-learner figures read. */
const recentCompletions = (now: Date) =>
  sql`lp.completed and lp.completed_at > ${now.toISOString()}::timestamptz - interval '30 days' and lp.completed_at <= ${now.toISOString()}::timestamptz`;

/** The first enrollment's instant in scope, which starts the "all" range; null when there is none. */
export async function firstEnrollmentAt(scope: SQL): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | null }>(sql`
    select to_char(min(e.enrolled_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from enrollments e where ${scope}`);
  return row?.at ? new Date(row.at) : null;
}

/** Enrollments made and completions reached in each bucket of the range (completions by completed_at). */
export function enrollmentsOverTime(scope: SQL, range: ResolvedRange) {
  return countOverTime(range, {
    enrollments: sql`select e.enrolled_at as at from enrollments e where ${scope}`,
    completions: sql`select e.completed_at as at from enrollments e where ${scope}`,
  });
}

export async function enrollmentSummary(scope: SQL, range: ResolvedRange, now: Date): Promise<EnrollmentSummary> {
  const [row] = await queryRows<EnrollmentSummary>(sql`
    select c.enrollments, c.completions, ${percentSql(sql`c.completions`, sql`c.enrollments`)} as "completionRate",
      c.average_progress as "averageProgress", a.active7 as "activeLearners7d", a.active30 as "activeLearners30d"
    from (
      select count(*)::int as enrollments, count(e.completed_at)::int as completions, ${averageSql(sql`e.progress`)} as average_progress
      from enrollments e where ${scope} and ${inCohort(range)}
    ) c, (
      select count(distinct e.learner_id) filter (where lp.completed_at > ${now.toISOString()}::timestamptz - interval '7 days')::int as active7,
        count(distinct e.learner_id)::int as active30
      from lesson_progress lp join enrollments e on e.id = lp.enrollment_id
      where ${scope} and ${recentCompletions(now)}
    ) a`);
  return row!;
}

export type CourseFigures = InstructorCourseRow & { instructorName: string | null };

/** One row per course matching `courseCondition` (on courses aliased `c`), most enrollments first, then by title. */
export async function perCourseFigures(courseCondition: SQL, range: ResolvedRange, now: Date): Promise<CourseFigures[]> {
  return queryRows<CourseFigures>(sql`
    with cohort as (
      select e.course_id, count(*)::int as enrollments, count(e.completed_at)::int as completions, avg(e.progress) as average_progress
      from enrollments e join courses c on c.id = e.course_id
      where ${courseCondition} and ${inCohort(range)}
      group by e.course_id
    ), active as (
      select e.course_id, count(distinct e.learner_id)::int as n
      from lesson_progress lp join enrollments e on e.id = lp.enrollment_id join courses c on c.id = e.course_id
      where ${courseCondition} and ${recentCompletions(now)}
      group by e.course_id
    )
    select c.id as "courseId", c.title, c.is_published as "isPublished", u.name as "instructorName",
      coalesce(k.enrollments, 0) as enrollments, coalesce(k.completions, 0) as completions,
      ${percentSql(sql`coalesce(k.completions, 0)`, sql`coalesce(k.enrollments, 0)`)} as "completionRate",
      coalesce(round(k.average_progress, 1), 0)::float8 as "averageProgress",
      coalesce(a.n, 0) as "activeLearners30d"
    from courses c join users u on u.id = c.instructor_id
    left join cohort k on k.course_id = c.id left join active a on a.course_id = c.id
    where ${courseCondition}
    order by coalesce(k.enrollments, 0) desc, c.title, c.id`);
}
