import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connect";
import type { GenerationStep } from "./generate-data";
import { EMAIL_DOMAIN, fraction, hash, personName, stableUuid } from "./sql-values";

/**
 * One course for the instructor analytics scenarios: its own instructor, who can sign in, and `enrollments`
 * learners of its own (one enrollment each, as the unique (course, learner) rule needs), enrolled over the last 400
 * days with more of them recently. As in the main catalog, 30 % have not started, 20 % have finished and the rest are
 * part-way; completed lessons have lesson_progress rows, and a part-way learner has a video position in the next one.
 */

export const ANALYTICS_INSTRUCTOR_EMAIL = `analytics-instructor@${EMAIL_DOMAIN}`;
const courseId = `${stableUuid("'bench-analytics-course'")}`;
const instructorId = `${stableUuid("'bench-analytics-instructor'")}::text`;
const learnerId = (n: string) => `${stableUuid(`'bench-analytics-learner:' || ${n}`)}::text`;
/** Lessons per module: ten lessons in all. */
const MODULE_SIZES = [3, 4, 3];

export async function generateAnalyticsCourse(step: GenerationStep, enrollments: number) {
  const lessons = MODULE_SIZES.reduce((a, b) => a + b, 0);
  await step("analytics category", `insert into categories (name) values ('Data') on conflict do nothing`);
  await step(
    "analytics course",
    `with instructor as (
       insert into users (id, email, name, password_hash, role, email_verified, onboarded_at, created_at, updated_at)
       values (${instructorId}, '${ANALYTICS_INSTRUCTOR_EMAIL}', 'Ana Lytics', null, 'INSTRUCTOR'::user_role,
               now() - interval '500 days', now() - interval '500 days', now() - interval '500 days', now() - interval '500 days')
       returning id
     )
     insert into courses (id, instructor_id, title, description, category, difficulty, price, total_lessons, estimated_duration,
                          is_published, published_at, created_at, updated_at)
     select ${courseId}, id, 'Data Analysis at Scale', 'The course the instructor analytics bench measures.', 'Data',
            'intermediate', 0, ${lessons}, ${lessons * 12}, true, now() - interval '420 days', now() - interval '430 days', now()
     from instructor`,
  );
  await step(
    "analytics curriculum",
    `with sizes as (select m, (array[${MODULE_SIZES.join(", ")}])[m] as size from generate_series(1, ${MODULE_SIZES.length}) m),
     mods as (
       insert into modules (id, course_id, title, ord, created_at, updated_at)
       select ${stableUuid("'bench-analytics-module:' || m")}, ${courseId}, 'Module ' || m, m, now() - interval '430 days', now()
       from sizes returning id, ord
     )
     insert into lessons (id, module_id, title, content, duration_minutes, ord, created_at, updated_at)
     select ${stableUuid("'bench-analytics-lesson:' || mods.ord || ':' || l")}, mods.id, 'Lesson ' || mods.ord || '.' || l,
            'Lesson text.', 12, l, now() - interval '430 days', now()
     from mods join sizes on sizes.m = mods.ord, lateral generate_series(1, sizes.size) l`,
  );
  await step(
    "analytics learners",
    `insert into users (id, email, name, password_hash, role, email_verified, onboarded_at, created_at, updated_at)
     select ${learnerId("n")}, 'alearner' || n || '@${EMAIL_DOMAIN}', ${personName("'a' || n")}, null, 'LEARNER'::user_role,
            t, t, t, t
     from generate_series(0, ${enrollments - 1}) n,
          lateral (select now() - interval '1 day' * (420 + 30 * ${fraction(`'auser-created:' || n`)}) as t) created`,
  );
  await step(
    "analytics enrollments",
    `insert into enrollments (id, course_id, learner_id, enrolled_at, progress, completed_at, last_accessed_at)
     select ${stableUuid("'bench-analytics-enrollment:' || n")}, ${courseId}, ${learnerId("n")}, enrolled_at,
            done * 100 / ${lessons}, case when done = ${lessons} then accessed end, accessed
     from generate_series(0, ${enrollments - 1}) n,
          lateral (select now() - interval '400 days' * power(${fraction(`'aenrolled:' || n`)}, 1.5) as enrolled_at,
                          ${hash(`'abucket:' || n`)} % 10 as bucket) e,
          lateral (select case when bucket < 3 then 0 when bucket >= 8 then ${lessons}
                               else 1 + (${hash(`'adone:' || n`)} % ${lessons - 1})::int end as done) d,
          lateral (select case when done > 0 then enrolled_at + (now() - enrolled_at) * ${fraction(`'aaccessed:' || n`)} end as accessed) a`,
  );
  await step(
    "analytics progress",
    `with ordered as (
       select l.id, (row_number() over (order by mo.ord, l.ord))::int as position
       from modules mo join lessons l on l.module_id = mo.id where mo.course_id = ${courseId}
     ),
     enrolled as (
       select id, enrolled_at, last_accessed_at, progress * ${lessons} / 100 + (progress * ${lessons} % 100 > 0)::int as done
       from enrollments where course_id = ${courseId} and progress > 0
     )
     insert into lesson_progress (enrollment_id, lesson_id, completed, completed_at, video_position, updated_at)
     select e.id, o.id, o.position <= e.done, case when o.position <= e.done then t.at end,
            case when o.position <= e.done then 0 else (${hash("'aposition:' || e.id")} % 600)::int end, t.at
     from enrolled e join ordered o on o.position <= e.done + (e.done < ${lessons})::int,
          lateral (select e.enrolled_at + (e.last_accessed_at - e.enrolled_at) * ${fraction("'acompleted:' || o.id || e.id")} as at) t`,
  );
}

export type AnalyticsCourse = { email: string; courseId: string };

/** Looks the analytics course up again after generation (null when the run generated none). */
export async function findAnalyticsCourse(connection: Connection): Promise<AnalyticsCourse | null> {
  const result = await connection.db.execute(sql`
    select c.id from courses c join users u on u.id = c.instructor_id where u.email = ${ANALYTICS_INSTRUCTOR_EMAIL}`);
  const [row] = (result as unknown as { rows: { id: string }[] }).rows;
  return row ? { email: ANALYTICS_INSTRUCTOR_EMAIL, courseId: row.id } : null;
}
