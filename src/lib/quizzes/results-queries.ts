import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isoSql, queryRows } from "@/lib/analytics/sql-rows";
import type { QuizOption, QuizQuestionType } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { ResultsAttempt, ResultsLearner } from "./results-types";

/**
 * The statements behind the quiz results. A graded attempt is one with a score; the counted attempts are each
 * enrollment's best graded attempt (highest score, then the earliest submitted), as results-types.ts explains.
 */

/** Each enrollment's best graded attempt of the quiz, as a `best` CTE body (id, enrollment_id, score, passed). */
export const bestAttempts = (lessonId: string): SQL => sql`
  select distinct on (a.enrollment_id) a.id, a.enrollment_id, a.score, a.passed
  from quiz_attempts a
  where a.lesson_id = ${lessonId} and a.score is not null
  order by a.enrollment_id, a.score desc, a.submitted_at, a.id`;

export type QuizOfCourse = { lessonId: string; title: string; passingScore: number; maxAttempts: number | null };

/** The quiz lesson of this course; anything else (another course's lesson, a plain lesson) is a 404. */
export async function requireQuizOf(courseId: string, lessonId: string): Promise<QuizOfCourse> {
  const [row] = await queryRows<QuizOfCourse>(sql`
    select l.id as "lessonId", l.title, q.passing_score as "passingScore", q.max_attempts as "maxAttempts"
    from lessons l join modules m on m.id = l.module_id join quizzes q on q.lesson_id = l.id
    where l.id = ${lessonId} and m.course_id = ${courseId} and l.kind = 'quiz'`);
  if (!row) throw new AppError("NOT_FOUND", "This quiz does not exist in this course.");
  return row;
}

export type QuestionRow = { id: string; type: QuizQuestionType; prompt: string; points: number; options: QuizOption[] };

export function quizQuestionRows(lessonId: string) {
  return queryRows<QuestionRow>(sql`
    select id, type, prompt, points, options from quiz_questions where lesson_id = ${lessonId} order by ord, id`);
}

export type SummaryRow = {
  attempts: number;
  learners: number;
  averageScore: number | null;
  medianScore: number | null;
  passed: number;
  /** Band (0–9) → counted attempts in it; JSON object keys are text. */
  bands: Record<string, number>;
};

export async function summaryRow(lessonId: string): Promise<SummaryRow> {
  const [row] = await queryRows<SummaryRow>(sql`
    with best as (${bestAttempts(lessonId)})
    select (select count(*)::int from quiz_attempts a where a.lesson_id = ${lessonId} and a.score is not null) as attempts,
      count(*)::int as learners,
      round(avg(b.score)::numeric, 1)::float8 as "averageScore",
      round((percentile_cont(0.5) within group (order by b.score))::numeric, 2)::float8 as "medianScore",
      count(*) filter (where b.passed)::int as passed,
      coalesce((select json_object_agg(d.band, d.n) from (
        select least(floor(score / 10), 9)::int as band, count(*)::int as n from best group by 1
      ) d), '{}'::json) as bands
    from best b`);
  return row!;
}

/**
 * Per question, over the counted attempts' answers: a `total` row (answers, right, blank), an `option` row per option
 * id chosen in a wrong answer, and a `text` row per distinct wrong typed answer (normalised afterwards, in JS, by the
 * grading's own rules).
 */
export type AnswerGroupRow = {
  questionId: string;
  kind: "total" | "option" | "text";
  value: string | null;
  n: number;
  correct: number;
  unanswered: number;
};

export function answerGroupRows(lessonId: string) {
  return queryRows<AnswerGroupRow>(sql`
    with best as (${bestAttempts(lessonId)}),
    counted as (
      select qa.question_id, qa.answer, coalesce(qa.correct, false) as correct
      from quiz_answers qa join best b on b.id = qa.attempt_id
    )
    select question_id as "questionId", 'total' as kind, null as value, count(*)::int as n,
      count(*) filter (where correct)::int as correct,
      count(*) filter (where answer is null or jsonb_typeof(answer) = 'null')::int as unanswered
    from counted group by question_id
    union all
    select question_id, 'option', o.id, count(*)::int, 0, 0
    from counted
    cross join lateral jsonb_array_elements_text(
      case jsonb_typeof(answer -> 'optionIds') when 'array' then answer -> 'optionIds' else '[]'::jsonb end
      || case jsonb_typeof(answer -> 'optionId') when 'string' then jsonb_build_array(answer -> 'optionId') else '[]'::jsonb end
    ) o(id)
    where not correct
    group by question_id, o.id
    union all
    select question_id, 'text', coalesce(answer ->> 'text', answer ->> 'value'), count(*)::int, 0, 0
    from counted
    where not correct and jsonb_typeof(answer) = 'object' and coalesce(answer ->> 'text', answer ->> 'value') is not null
    group by question_id, coalesce(answer ->> 'text', answer ->> 'value')`);
}

/** Seconds from start to submit, no later than the deadline (an attempt graded after its deadline took the whole time). */
export const secondsTaken = sql`greatest(0, extract(epoch from least(a.submitted_at, coalesce(a.deadline_at, a.submitted_at)) - a.started_at))::float8`;

/** Graded attempts, newest first. */
export function attemptRows(lessonId: string, limit: number) {
  return queryRows<ResultsAttempt>(sql`
    with best as (${bestAttempts(lessonId)})
    select a.id as "attemptId", e.learner_id as "learnerId", u.name as "learnerName", u.email as "learnerEmail",
      a.number, a.score, a.points_earned as "pointsEarned", a.points_possible as "pointsPossible", a.passed,
      ${isoSql(sql`a.started_at`)} as "startedAt", ${isoSql(sql`a.submitted_at`)} as "submittedAt",
      round(${secondsTaken})::int as seconds, (b.id is not null) as counted
    from quiz_attempts a
    join enrollments e on e.id = a.enrollment_id
    join users u on u.id = e.learner_id
    left join best b on b.id = a.id
    where a.lesson_id = ${lessonId} and a.score is not null
    order by a.submitted_at desc, a.id
    limit ${limit}`);
}

/** Learners who started the quiz, with their allowance, latest activity first; `total` is the number of such learners. */
export async function learnerRows(lessonId: string, maxAttempts: number | null, limit: number) {
  const rows = await queryRows<ResultsLearner & { total: number }>(sql`
    select e.learner_id as "learnerId", u.name as "learnerName", u.email as "learnerEmail",
      count(a.id)::int as "attemptsUsed", max(a.score)::float8 as "bestScore", coalesce(bool_or(a.passed), false) as passed,
      coalesce(x.extra, 0) as "extraAttempts",
      case when ${maxAttempts}::int is null then null else ${maxAttempts}::int + coalesce(x.extra, 0) end as "attemptsAllowed",
      (count(*) over ())::int as total
    from quiz_attempts a
    join enrollments e on e.id = a.enrollment_id
    join users u on u.id = e.learner_id
    left join quiz_extra_attempts x on x.lesson_id = a.lesson_id and x.enrollment_id = a.enrollment_id
    where a.lesson_id = ${lessonId}
    group by e.learner_id, u.name, u.email, x.extra
    order by max(coalesce(a.submitted_at, a.started_at)) desc, e.learner_id
    limit ${limit}`);
  const total = rows[0]?.total ?? 0;
  for (const row of rows) Reflect.deleteProperty(row, "total");
  return { rows: rows as ResultsLearner[], total };
}
