import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connect";
import { generateAnalyticsCourse } from "./analytics-course";
import { BENCH_LEARNER_EMAIL } from "./bench-learner";
import { generateQuizCourse } from "./quiz-bench";
import { EMAIL_DOMAIN, fraction, hash, personName, pick, stableUuid, textArray, userId } from "./sql-values";
import * as words from "./word-lists";

/**
 * Fills a freshly migrated database with a catalog of the requested size, entirely in set-based SQL
 * (INSERT … SELECT … FROM generate_series): a row-by-row insert from JS would take far longer than the measurement.
 *
 * Every "random" choice is a hash of a stable key (hashtext), not random(), so that a given size always produces the
 * same data on PGlite and on a Postgres server, and runs can be compared with each other.
 */

export type RowCounts = {
  users: number;
  instructors: number;
  learners: number;
  courses: number;
  publishedCourses: number;
  modules: number;
  lessons: number;
  enrollments: number;
  lessonProgress: number;
};

export type GenerationResult = { counts: RowCounts; ms: number; steps: { step: string; ms: number }[] };

const COURSES_PER_INSTRUCTOR = 20;
const MIN_LEARNERS = 5_000;
const ENROLLMENTS_PER_LEARNER = 8;
/** The course's topic index, derived from its id so that lessons can find it again without a column. */
const topicIndex = (courseId: string) => `(${hash(`'topic:' || ${courseId}`)} % ${words.topics.length})::int`;

async function rows<T>(connection: Connection, query: string): Promise<T[]> {
  const result = await connection.db.execute(sql.raw(query));
  // PGlite and node-postgres both answer with { rows }; Neon's Pool too.
  return (result as unknown as { rows: T[] }).rows;
}

export type GenerationStep = (name: string, query: string) => Promise<void>;

export async function generateData(
  connection: Connection,
  {
    courses,
    enrollments,
    analyticsEnrollments = 0,
    quizPool = 0,
  }: { courses: number; enrollments: number; analyticsEnrollments?: number; quizPool?: number },
  report: (line: string) => void = console.log,
): Promise<GenerationResult> {
  const started = performance.now();
  const steps: { step: string; ms: number }[] = [];
  const step: GenerationStep = async (name, query) => {
    const t0 = performance.now();
    await rows(connection, query);
    const ms = performance.now() - t0;
    steps.push({ step: name, ms });
    report(`  ${name.padEnd(24)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  };
  const instructors = Math.ceil(courses / COURSES_PER_INSTRUCTOR);
  const sentenceCount = words.sentences.length;

  await step(
    "instructors",
    `insert into users (id, email, name, password_hash, role, email_verified, onboarded_at, created_at, updated_at)
     select ${userId("n")}, 'instructor' || n || '@${EMAIL_DOMAIN}', ${personName("n")}, null, 'INSTRUCTOR'::user_role,
            t, t, t, t
     from generate_series(0, ${instructors - 1}) n,
          lateral (select now() - interval '1 day' * (740 + 400 * ${fraction(`'user-created:' || n`)}) as t) created`,
  );

  await step("categories", `insert into categories (name) select unnest(${textArray(words.categories)}) on conflict do nothing`);

  // Course 0 is always published, so that enrollments always have somewhere to go.
  await step(
    "courses",
    `insert into courses (id, instructor_id, title, description, category, difficulty, price, total_lessons,
                          is_published, published_at, created_at, updated_at)
     select c.id,
            ${userId(`${hash(`'instructor:' || c.id`)} % ${instructors}`)},
            replace(${pick(words.titlePatterns, `'pattern:' || c.id`)}, '{t}', (${textArray(words.topics)})[1 + c.t])
              || ${pick(words.titleSuffixes, `'suffix:' || c.id`)},
            replace(concat_ws(' ', sentence[1 + c.s], sentence[1 + (c.s + 5) % ${sentenceCount}], sentence[1 + (c.s + 11) % ${sentenceCount}]),
                    '{t}', (${textArray(words.topics)})[1 + c.t]),
            (${textArray(words.categories)})[1 + c.t / ${words.topicsPerCategory}],
            ${pick(words.difficulties, `'difficulty:' || c.id`)},
            case when ${hash(`'price:' || c.id`)} % 4 = 0 then 0 else 19.99 + ${hash(`'price:' || c.id`)} % 8 * 10 end,
            0,
            c.published,
            case when c.published then least(now(), c.created + interval '14 days' * ${fraction(`'published:' || c.id`)}) end,
            c.created,
            c.created
     from (
       select id, ${topicIndex("id")} as t, (${hash(`'sentence:' || id`)} % ${words.sentences.length})::int as s,
              now() - interval '730 days' * ${fraction(`'created:' || id`)} as created,
              (i = 0 or ${hash(`'published:' || i`)} % 10 <> 0) as published
       from (select i, ${stableUuid("'bench-course:' || i")} as id from generate_series(0, ${courses - 1}) i) numbered
     ) c,
     lateral (select ${textArray(words.sentences)} as sentence) sentences`,
  );

  await step(
    "modules",
    `insert into modules (id, course_id, title, ord, created_at, updated_at)
     select ${stableUuid("'bench-module:' || c.id || ':' || m")}, c.id,
            'Module ' || m || ': ' || ${pick(words.moduleTitles, `'module:' || c.id || ':' || m`)},
            m, c.created_at, c.created_at
     from courses c, lateral generate_series(1, 2 + (${hash(`'modules:' || c.id`)} % 3)::int) m`,
  );

  await step(
    "lessons",
    `insert into lessons (id, module_id, title, content, duration_minutes, ord, created_at, updated_at)
     select ${stableUuid("'bench-lesson:' || mo.id || ':' || l")}, mo.id,
            replace(${pick(words.lessonTitles, `'lesson:' || mo.id || ':' || l`)}, '{t}', topic),
            replace(array_to_string((${textArray(words.sentences)})[x.s : x.s + 4], ' '), '{t}', topic),
            (5 + ${hash(`'minutes:' || mo.id || ':' || l`)} % 26)::int,
            l, mo.created_at, mo.created_at
     from modules mo,
          lateral generate_series(1, 2 + (${hash(`'lessons:' || mo.id`)} % 4)::int) l,
          lateral (select (${textArray(words.topics)})[1 + ${topicIndex("mo.course_id")}] as topic,
                          (1 + ${hash(`'text:' || mo.id || ':' || l`)} % ${words.sentences.length - 4})::int as s) x`,
  );

  await step(
    "course totals",
    `update courses c set total_lessons = x.lessons, estimated_duration = x.minutes
     from (select mo.course_id, count(*)::int as lessons, sum(l.duration_minutes)::int as minutes
           from modules mo join lessons l on l.module_id = mo.id group by mo.course_id) x
     where x.course_id = c.id`,
  );

  const [{ published } = { published: 0 }] = await rows<{ published: number }>(
    connection,
    `select count(*)::int as published from courses where is_published`,
  );
  // A learner's enrollments go to distinct courses, so a learner can take at most `published` of them.
  const learners = Math.max(MIN_LEARNERS, Math.ceil(enrollments / Math.min(ENROLLMENTS_PER_LEARNER, published)));

  await step(
    "learners",
    `insert into users (id, email, name, password_hash, role, email_verified, onboarded_at, created_at, updated_at)
     select ${userId(`${instructors} + n`)}, 'learner' || n || '@${EMAIL_DOMAIN}', ${personName(`${instructors} + n`)}, null,
            'LEARNER'::user_role, t, t, t, t
     from generate_series(0, ${learners - 1}) n,
          lateral (select now() - interval '1 day' * (730 + 30 * ${fraction(`'user-created:' || n`)}) as t) created`,
  );

  // Enrollment i belongs to learner i % learners and is that learner's k-th, k = i / learners. The learner's courses are
  // consecutive in a fixed order of the published courses, starting at a skewed point (fraction squared), so that some
  // courses are far more popular than others, and (start + k) % published never repeats a course for one learner.
  // Progress comes from a number of completed lessons: 30 % not started, 20 % finished, the rest part-way.
  await step(
    "enrollments",
    `with published as (
       select id, total_lessons, published_at, (row_number() over (order by id) - 1)::int as position
       from courses where is_published
     ),
     picks as (
       select i, i % ${learners} as learner,
              (floor(${published} * power(${fraction(`'favourite:' || (i % ${learners})`)}, 2))::int + i / ${learners})
                % ${published} as position,
              ${hash(`'bucket:' || i`)} % 10 as bucket
       from generate_series(0, ${enrollments - 1}) i
     ),
     planned as (
       select picks.i, picks.learner, p.id as course_id, p.total_lessons,
              p.published_at + (now() - p.published_at) * ${fraction(`'enrolled:' || picks.i`)} as enrolled_at,
              case when bucket < 3 then 0
                   when bucket >= 8 then p.total_lessons
                   else 1 + (${hash(`'done:' || picks.i`)} % (p.total_lessons - 1))::int end as done
       from picks join published p on p.position = picks.position
     ),
     timed as (
       select planned.*, case when done > 0
                then enrolled_at + (now() - enrolled_at) * ${fraction(`'accessed:' || i`)} end as last_accessed_at
       from planned
     )
     insert into enrollments (id, course_id, learner_id, enrolled_at, progress, completed_at, last_accessed_at)
     select ${stableUuid("'bench-enrollment:' || i")}, course_id, ${userId(`${instructors} + learner`)}, enrolled_at,
            done * 100 / total_lessons,
            case when done = total_lessons then last_accessed_at end,
            last_accessed_at
     from timed`,
  );

  // The first `done` lessons in curriculum order are completed. progress = floor(done * 100 / total) and total < 100,
  // so ceil(progress * total / 100) gives `done` back.
  await step(
    "lesson progress",
    `insert into lesson_progress (enrollment_id, lesson_id, completed, completed_at, video_position, updated_at)
     select e.id, done.id, true, t.at, 0, t.at
     from enrollments e
     join courses c on c.id = e.course_id,
     lateral (select l.id from modules mo join lessons l on l.module_id = mo.id
              where mo.course_id = e.course_id order by mo.ord, l.ord
              limit ceil(e.progress * c.total_lessons / 100.0)::int) done,
     lateral (select e.enrolled_at + (e.last_accessed_at - e.enrolled_at) * ${fraction(`'completed:' || done.id || e.id`)} as at) t
     where e.progress > 0`,
  );

  if (analyticsEnrollments > 0) await generateAnalyticsCourse(step, analyticsEnrollments);
  // After the learners' own enrollments: the bench learner's learner scenarios stay on their first course.
  if (quizPool > 0) await generateQuizCourse(step, BENCH_LEARNER_EMAIL, quizPool);

  await step(
    "enrollment counts",
    `update courses c set enrollment_count = n.count
     from (select course_id, count(*)::int as count from enrollments group by course_id) n
     where n.course_id = c.id`,
  );

  // PGlite runs no autovacuum, so without this the planner would work from no statistics at all, unlike a real server.
  await step("analyze", "analyze");

  const [counts] = await rows<RowCounts>(
    connection,
    `select (select count(*)::int from users) as users,
            (select count(*)::int from users where role = 'INSTRUCTOR') as instructors,
            (select count(*)::int from users where role = 'LEARNER') as learners,
            (select count(*)::int from courses) as courses,
            (select count(*)::int from courses where is_published) as "publishedCourses",
            (select count(*)::int from modules) as modules,
            (select count(*)::int from lessons) as lessons,
            (select count(*)::int from enrollments) as enrollments,
            (select count(*)::int from lesson_progress) as "lessonProgress"`,
  );
  if (!counts) throw new Error("could not count the generated rows");
  return { counts, ms: performance.now() - started, steps };
}
