import "server-only";
import { sql } from "drizzle-orm";
import { enrolledIn, type ResolvedRange } from "./range";
import { percentSql, queryRows } from "./sql-rows";
import type { CourseQuizFigures, QuizLine } from "./types";

/**
 * The course's quizzes in curriculum order, over the range's cohort, counting each learner's best graded attempt per
 * quiz (as the quiz results page does, src/lib/quizzes/results-types.ts): graded attempts, learners, their average best
 * score and how many passed. The course's average quiz score is the mean of every counted attempt of every quiz. One
 * statement; a submitted attempt drops the course's shared figures (analyticsChanged), as a completion does.
 */
export async function courseQuizzes(courseId: string, range: ResolvedRange): Promise<CourseQuizFigures> {
  const rows = await queryRows<QuizLine & { scoreSum: number }>(sql`
    with quiz_lessons as (
      select l.id, l.title, m.ord as module_ord, l.ord as lesson_ord
      from lessons l join modules m on m.id = l.module_id
      where m.course_id = ${courseId} and l.kind = 'quiz'
    ), graded as (
      select a.lesson_id, a.enrollment_id, a.score, a.passed, a.submitted_at, a.id
      from quiz_attempts a join enrollments e on e.id = a.enrollment_id
      where a.lesson_id in (select id from quiz_lessons) and a.score is not null
        and e.course_id = ${courseId} and ${enrolledIn(range)}
    ), best as (
      select distinct on (lesson_id, enrollment_id) lesson_id, score, passed
      from graded order by lesson_id, enrollment_id, score desc, submitted_at, id
    ), per_quiz as (
      select lesson_id, count(*)::int as learners, count(*) filter (where passed)::int as passed, sum(score) as score_sum
      from best group by lesson_id
    ), attempts as (
      select lesson_id, count(*)::int as n from graded group by lesson_id
    )
    select q.id as "lessonId", q.title, coalesce(t.n, 0) as attempts, coalesce(p.learners, 0) as learners,
      coalesce(p.passed, 0) as passed,
      case when p.learners > 0 then round((p.score_sum / p.learners)::numeric, 1)::float8 end as "averageScore",
      case when p.learners > 0 then ${percentSql(sql`p.passed`, sql`p.learners`)} end as "passRate",
      coalesce(p.score_sum, 0)::float8 as "scoreSum"
    from quiz_lessons q left join per_quiz p on p.lesson_id = q.id left join attempts t on t.lesson_id = q.id
    order by q.module_ord, q.lesson_ord, q.id`);
  const learners = rows.reduce((n, r) => n + r.learners, 0);
  const sum = rows.reduce((n, r) => n + r.scoreSum, 0);
  return {
    averageScore: learners === 0 ? null : Math.round((10 * sum) / learners) / 10,
    attempts: rows.reduce((n, r) => n + r.attempts, 0),
    perQuiz: rows.map((r) => ({
      lessonId: r.lessonId,
      title: r.title,
      attempts: r.attempts,
      learners: r.learners,
      passed: r.passed,
      averageScore: r.averageScore,
      passRate: r.passRate,
    })),
  };
}
