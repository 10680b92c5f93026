import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { commonWrongOption, commonWrongText, percentOf, promptExcerpt, scoreBands } from "./results-figures";
import {
  answerGroupRows,
  attemptRows,
  learnerRows,
  quizQuestionRows,
  requireQuizOf,
  summaryRow,
  type AnswerGroupRow,
  type QuestionRow,
} from "./results-queries";
import { RESULTS_COUNT_RULE, type QuestionAnalysis, type QuizResults } from "./results-types";

/** Attempts and learners listed on the page and in the JSON; the CSV has every attempt. */
export const RESULTS_LIST_LIMIT = 200;

function analyse(questions: QuestionRow[], groups: AnswerGroupRow[]): QuestionAnalysis[] {
  const byQuestion = new Map<string, AnswerGroupRow[]>();
  for (const g of groups) byQuestion.set(g.questionId, [...(byQuestion.get(g.questionId) ?? []), g]);
  return questions.map((q, i) => {
    const rows = byQuestion.get(q.id) ?? [];
    const total = rows.find((r) => r.kind === "total");
    const attempts = total?.n ?? 0;
    const correct = total?.correct ?? 0;
    const choice = q.type === "single" || q.type === "multiple" || q.type === "true_false";
    const commonWrong = choice
      ? commonWrongOption(q.options, new Map(rows.filter((r) => r.kind === "option").map((r) => [r.value!, r.n])))
      : commonWrongText(
          q.type,
          rows.filter((r) => r.kind === "text").map((r) => ({ value: r.value!, count: r.n })),
        );
    return {
      questionId: q.id,
      position: i + 1,
      type: q.type,
      prompt: promptExcerpt(q.prompt),
      points: q.points,
      attempts,
      correct,
      correctRate: percentOf(correct, attempts),
      unanswered: total?.unanswered ?? 0,
      commonWrong,
    };
  });
}

/**
 * A quiz's results for the course's editors (404 when the course or quiz is not visible to them, 403 when the course is
 * not theirs): the figures over each learner's best graded attempt, the distribution in ten bands, item analysis per
 * question, the latest graded attempts and the learners who started it.
 */
export async function getQuizResults(viewer: Viewer | null, courseId: string, lessonId: string): Promise<QuizResults> {
  const course = await requireCourseEditor(viewer, courseId);
  const quiz = await requireQuizOf(course.id, lessonId);
  const [questions, summary, groups, attempts, learners] = await Promise.all([
    quizQuestionRows(lessonId),
    summaryRow(lessonId),
    answerGroupRows(lessonId),
    attemptRows(lessonId, RESULTS_LIST_LIMIT),
    learnerRows(lessonId, quiz.maxAttempts, RESULTS_LIST_LIMIT),
  ]);
  const bands = new Map(Object.entries(summary.bands).map(([band, n]) => [Number(band), n]));
  return {
    course: { id: course.id, title: course.title },
    quiz: {
      lessonId: quiz.lessonId,
      title: quiz.title,
      passingScore: quiz.passingScore,
      maxAttempts: quiz.maxAttempts,
      questions: questions.length,
      pointsPossible: questions.reduce((sum, q) => sum + q.points, 0),
    },
    countRule: RESULTS_COUNT_RULE,
    summary: {
      learners: summary.learners,
      attempts: summary.attempts,
      averageScore: summary.averageScore,
      medianScore: summary.medianScore,
      passed: summary.passed,
      passRate: percentOf(summary.passed, summary.learners),
    },
    distribution: scoreBands(bands),
    questions: analyse(questions, groups),
    attempts,
    learners: learners.rows,
    learnersTotal: learners.total,
    listLimit: RESULTS_LIST_LIMIT,
  };
}
