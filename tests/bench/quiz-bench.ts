import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connect";
import type { GenerationStep } from "./generate-data";
import { stableUuid, userId } from "./sql-values";

/**
 * The quiz scenarios' data: a published course of `pool + 1` quiz lessons (modules of ten), each quiz of ten questions
 * (two of each type, one point each), and the bench learner enrolled in it with one open attempt per quiz whose ten
 * answers are saved (all right, so that a submit passes and completes the lesson, the heavier path).
 *
 * - Starting: quiz 0's attempt stays open, so every POST …/attempts for it returns the open attempt (200), what a
 *   reload or a second device does. A start that creates an attempt can only happen once per submit, so it is not
 *   timed alone; the submit scenario's attempts were created here, by SQL.
 * - Submitting: each request submits the next unused attempt of quizzes 1…pool (a submitted attempt answers its
 *   grading again without grading, so reusing one would measure the cheap path). The pool is shared by the timed and
 *   the SQL-counting server; `exhausted` says whether the run asked for more than it holds.
 */

export const QUIZ_QUESTIONS = 10;
const courseId = stableUuid("'bench-quiz-course'");
const lessonId = (n: string) => stableUuid(`'bench-quiz-lesson:' || ${n}`);
const questionId = (n: string, q: string) => stableUuid(`'bench-quiz-question:' || ${n} || ':' || ${q}`);
const attemptId = (n: string) => stableUuid(`'bench-quiz-attempt:' || ${n}`);

export async function generateQuizCourse(step: GenerationStep, learnerEmail: string, pool: number) {
  const quizzes = pool + 1;
  const modules = Math.ceil(quizzes / 10);
  await step(
    "quiz course",
    `insert into courses (id, instructor_id, title, description, category, difficulty, price, total_lessons, estimated_duration,
                          is_published, published_at, created_at, updated_at)
     values (${courseId}, ${userId("0")}, 'Quiz bench course', 'The course the quiz scenarios take.', 'Data', 'beginner', 0,
             ${quizzes}, ${quizzes * 10}, true, now() - interval '30 days', now() - interval '31 days', now())`,
  );
  await step(
    "quiz lessons",
    `with mods as (
       insert into modules (id, course_id, title, ord, created_at, updated_at)
       select ${stableUuid("'bench-quiz-module:' || m")}, ${courseId}, 'Quizzes ' || m, m, now(), now()
       from generate_series(0, ${modules - 1}) m returning id, ord
     ), lessons_ as (
       insert into lessons (id, module_id, kind, title, content, duration_minutes, ord, created_at, updated_at)
       select ${lessonId("n")}, mods.id, 'quiz'::lesson_kind, 'Quiz ' || n, 'Ten questions.', 10, n % 10, now(), now()
       from generate_series(0, ${quizzes - 1}) n join mods on mods.ord = n / 10
       returning id
     )
     insert into quizzes (lesson_id, updated_at) select id, now() from lessons_`,
  );
  await step(
    "quiz questions",
    `insert into quiz_questions (id, lesson_id, type, prompt, points, options, accepted_answers, numeric_answer, tolerance, ord,
                                 created_at, updated_at)
     select ${questionId("n", "q")}, ${lessonId("n")}, t.type::quiz_question_type, 'Question ' || q || '?', 1, t.options::jsonb,
            t.accepted::text[], t.numeric_answer, 0, q, now(), now()
     from generate_series(0, ${quizzes - 1}) n, generate_series(0, ${QUIZ_QUESTIONS - 1}) q,
          lateral (select * from (values
            (0, 'single', '[{"id":"a","text":"A","correct":true},{"id":"b","text":"B","correct":false},{"id":"c","text":"C","correct":false}]', '{}', null::float8),
            (1, 'multiple', '[{"id":"a","text":"A","correct":true},{"id":"b","text":"B","correct":true},{"id":"c","text":"C","correct":false}]', '{}', null),
            (2, 'true_false', '[{"id":"true","text":"True","correct":true},{"id":"false","text":"False","correct":false}]', '{}', null),
            (3, 'short_text', '[]', '{"forty-two","42"}', null),
            (4, 'numeric', '[]', '{}', 42)
          ) v(k, type, options, accepted, numeric_answer) where v.k = q % 5) t`,
  );
  await step(
    "quiz enrollment",
    `insert into enrollments (id, course_id, learner_id, enrolled_at, progress, last_accessed_at)
     select ${stableUuid("'bench-quiz-enrollment'")}, ${courseId}, u.id, now(), 0, now()
     from users u where u.email = '${learnerEmail}'`,
  );
  await step(
    "quiz attempts",
    `insert into quiz_attempts (id, lesson_id, enrollment_id, number, started_at, question_order, option_order)
     select ${attemptId("n")}, ${lessonId("n")}, ${stableUuid("'bench-quiz-enrollment'")}, 1, now() - interval '5 minutes',
            array(select ${questionId("n", "q")} from generate_series(0, ${QUIZ_QUESTIONS - 1}) q order by q),
            (select jsonb_object_agg(${questionId("n", "q")}::text,
                      case q % 5 when 2 then '["true","false"]'::jsonb else '["a","b","c"]'::jsonb end)
             from generate_series(0, ${QUIZ_QUESTIONS - 1}) q where q % 5 < 3)
     from generate_series(0, ${quizzes - 1}) n`,
  );
  await step(
    "quiz answers",
    `insert into quiz_answers (attempt_id, question_id, answer, updated_at)
     select ${attemptId("n")}, ${questionId("n", "q")},
            (case q % 5 when 0 then '{"optionId":"a"}' when 1 then '{"optionIds":["a","b"]}' when 2 then '{"optionId":"true"}'
                        when 3 then '{"text":"Forty-Two"}' else '{"value":"42"}' end)::jsonb, now()
     from generate_series(0, ${quizzes - 1}) n, generate_series(0, ${QUIZ_QUESTIONS - 1}) q`,
  );
}

export type QuizBench = {
  courseId: string;
  /** Quiz 0, whose attempt stays open. */
  startLessonId: string;
  /** The next unused submit path; after the last one, the last again (and `exhausted` is true). */
  nextSubmitPath: () => string;
  used: () => number;
  exhausted: () => boolean;
  pool: number;
};

export async function findQuizBench(connection: Connection): Promise<QuizBench> {
  const result = await connection.db.execute(
    sql.raw(`
      select m.course_id, a.lesson_id, a.id
      from quiz_attempts a join lessons l on l.id = a.lesson_id join modules m on m.id = l.module_id
      where m.course_id = ${courseId} order by m.ord, l.ord`),
  );
  const rows = (result as unknown as { rows: { course_id: string; lesson_id: string; id: string }[] }).rows;
  if (rows.length < 2) throw new Error("The quiz bench course was not generated");
  const [start, ...submits] = rows as [(typeof rows)[number], ...typeof rows];
  let next = 0;
  return {
    courseId: start.course_id,
    startLessonId: start.lesson_id,
    pool: submits.length,
    nextSubmitPath: () => {
      const row = submits[Math.min(next, submits.length - 1)]!;
      next += 1;
      return `/api/my-courses/${start.course_id}/lessons/${row.lesson_id}/attempts/${row.id}/submit`;
    },
    used: () => next,
    exhausted: () => next > submits.length,
  };
}
