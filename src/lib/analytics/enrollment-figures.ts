import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { memberOf } from "./cohort-filter";
import { enrolledIn, type ResolvedRange } from "./range";
import { averageSql, percentSql, queryRows } from "./sql-rows";
import { countOverTime } from "./time-series";
import type { EnrollmentSummary, InstructorCourseRow } from "./types";

/**
 * Figures over the enrollments of a set of courses: `courses` is a condition on courses aliased `c` (one course, an
 * instructor's courses, every course). The range's cohort is the enrollments made in it; completions among them are
 * those with completed_at set, which the progress recomputation keeps in step with progress = 100 when lessons are
 * added or removed. Active learners read lesson completions through the courses' lessons, so that the lookup is
 * lesson_progress (lesson_id, completed_at) and stays proportional to the courses' own recent activity.
 */

const enrollmentsOf = (courses: SQL) => sql`e.course_id in (select c.id from courses c where ${courses})`;

/** Lesson completions in the 30 days up to now: the window both active-learner figures read. */
const recentCompletions = (now: Date) =>
  sql`lp.completed and lp.completed_at > ${now.toISOString()}::timestamptz - interval '30 days' and lp.completed_at <= ${now.toISOString()}::timestamptz`;

/**
 * The first enrollment's instant in these courses (of the cohort's members, with one), which starts the "all" range;
 * null when there is none.
 */
export async function firstEnrollmentAt(courses: SQL, cohortId?: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | null }>(sql`
    select to_char(min(f.at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
    from courses c cross join lateral (
      select min(e.enrolled_at) as at from enrollments e where e.course_id = c.id and ${memberOf(cohortId)}
    ) f
    where ${courses}`);
  return row?.at ? new Date(row.at) : null;
}

/** Enrollments made and completions reached in each bucket of the range (completions by completed_at). */
export function enrollmentsOverTime(courses: SQL, range: ResolvedRange) {
  const counted = sql`${enrollmentsOf(courses)} and ${memberOf(range.cohortId)}`;
  return countOverTime(range, {
    enrollments: sql`select e.enrolled_at as at from enrollments e where ${counted}`,
    completions: sql`select e.completed_at as at from enrollments e where ${counted}`,
  });
}

/**
 * The headline figures. Over one course (`oneCourse`) and every learner, an enrollment is a learner, so active learners
 * are counted from lesson_progress alone, without looking up each recent completion's enrollment.
 */
export async function enrollmentSummary(courses: SQL, range: ResolvedRange, now: Date, oneCourse = false): Promise<EnrollmentSummary> {
  const progressOnly = oneCourse && !range.cohortId;
  const learner = progressOnly ? sql`lp.enrollment_id` : sql`e.learner_id`;
  const learnerJoin = progressOnly ? sql`` : sql`join enrollments e on e.id = lp.enrollment_id and ${memberOf(range.cohortId)}`;
  const [row] = await queryRows<EnrollmentSummary>(sql`
    select k.enrollments, k.completions, ${percentSql(sql`k.completions`, sql`k.enrollments`)} as "completionRate",
      k.average_progress as "averageProgress", a.active7 as "activeLearners7d", a.active30 as "activeLearners30d"
    from (
      select count(*)::int as enrollments, count(e.completed_at)::int as completions, ${averageSql(sql`e.progress`)} as average_progress
      from enrollments e where ${enrollmentsOf(courses)} and ${enrolledIn(range)}
    ) k, (
      select count(distinct ${learner}) filter (where lp.completed_at > ${now.toISOString()}::timestamptz - interval '7 days')::int as active7,
        count(distinct ${learner})::int as active30
      from courses c join modules m on m.course_id = c.id join lessons l on l.module_id = m.id
      join lesson_progress lp on lp.lesson_id = l.id ${learnerJoin}
      where ${courses} and ${recentCompletions(now)}
    ) a`);
  return row!;
}

export type CourseFigures = InstructorCourseRow & { instructorName: string | null };

/**
 * One row per course matching `courses`, most enrollments first, then by title. Without `now`, active learners are
 * not computed and left at 0 (the admin CSV has no column for them).
 */
export async function perCourseFigures(courses: SQL, range: ResolvedRange, now: Date | null): Promise<CourseFigures[]> {
  const active = now
    ? sql`select m.course_id, count(distinct e.learner_id)::int as n
      from courses c join modules m on m.course_id = c.id join lessons l on l.module_id = m.id
      join lesson_progress lp on lp.lesson_id = l.id join enrollments e on e.id = lp.enrollment_id
      where ${courses} and ${recentCompletions(now)} and ${memberOf(range.cohortId)}
      group by m.course_id`
    : sql`select null::uuid as course_id, 0 as n where false`;
  return queryRows<CourseFigures>(sql`
    with cohort as (
      select e.course_id, count(*)::int as enrollments, count(e.completed_at)::int as completions, avg(e.progress) as average_progress
      from enrollments e where ${enrollmentsOf(courses)} and ${enrolledIn(range)}
      group by e.course_id
    ), active as (${active})
    select c.id as "courseId", c.title, c.is_published as "isPublished", u.name as "instructorName",
      coalesce(k.enrollments, 0) as enrollments, coalesce(k.completions, 0) as completions,
      ${percentSql(sql`coalesce(k.completions, 0)`, sql`coalesce(k.enrollments, 0)`)} as "completionRate",
      coalesce(round(k.average_progress, 1), 0)::float8 as "averageProgress",
      coalesce(a.n, 0) as "activeLearners30d"
    from courses c join users u on u.id = c.instructor_id
    left join cohort k on k.course_id = c.id left join active a on a.course_id = c.id
    where ${courses}
    order by coalesce(k.enrollments, 0) desc, c.title, c.id`);
}
