import "server-only";
import { randomInt } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import {
  enrollments,
  lessonProgress,
  quizAnswers,
  quizAttempts,
  quizExtraAttempts,
  type QuizAttempt,
  type QuizQuestion,
} from "@/lib/db/schema";
import { usedAllAttempts } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { ownAttempt, questionsOf, requireActiveQuizTaker, requireQuizTaker, type QuizTaker } from "./attempts-access";
import { closeExpiredAttempts, gradeAttemptOnce, type Completion } from "./attempts-grading";
import {
  answersShown,
  attemptSummary,
  feedbackOf,
  learnerAnswer,
  learnerQuestions,
  type AttemptSummary,
  type LearnerAnswer,
  type LearnerAttempt,
  type QuizStatus,
} from "./attempts-view";

/**
 * Taking a quiz: start (or resume) an attempt, list one's attempts, open one, submit it. Saving answers is in
 * ./attempts-answers.ts, grading in ./attempts-grading.ts, and what the learner is shown in ./attempts-view.ts.
 */

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function attemptsOf(taker: QuizTaker) {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.lessonId, taker.quiz.lessonId), eq(quizAttempts.enrollmentId, taker.enrollmentId)))
    .orderBy(desc(quizAttempts.number));
}

async function extraAttempts(taker: QuizTaker): Promise<number> {
  const [row] = await db
    .select({ extra: quizExtraAttempts.extra })
    .from(quizExtraAttempts)
    .where(and(eq(quizExtraAttempts.lessonId, taker.quiz.lessonId), eq(quizExtraAttempts.enrollmentId, taker.enrollmentId)));
  return row?.extra ?? 0;
}

async function statusOf(taker: QuizTaker, attempts: QuizAttempt[], questions: Pick<QuizQuestion, "points">[]): Promise<QuizStatus> {
  const { quiz } = taker;
  const attemptsAllowed = quiz.maxAttempts === null ? null : quiz.maxAttempts + (await extraAttempts(taker));
  const scores = attempts.flatMap((a) => (a.score === null ? [] : [a.score]));
  return {
    lessonId: quiz.lessonId,
    passingScore: quiz.passingScore,
    timeLimitMinutes: quiz.timeLimitMinutes,
    showAnswers: quiz.showAnswers,
    questionCount: questions.length,
    totalPoints: questions.reduce((sum, q) => sum + q.points, 0),
    attemptsAllowed,
    attemptsUsed: attempts.length,
    attemptsLeft: attemptsAllowed === null ? null : Math.max(0, attemptsAllowed - attempts.length),
    passed: attempts.some((a) => a.passed === true),
    bestScore: scores.length ? Math.max(...scores) : null,
    openAttemptId: attempts.find((a) => a.submittedAt === null)?.id ?? null,
  };
}

/** The attempt as its learner sees it: questions in its order, their saved answers, and once graded what they may see. */
async function learnerAttempt(taker: QuizTaker, attempt: QuizAttempt, quizPassed: boolean): Promise<LearnerAttempt> {
  const [questions, saved] = await Promise.all([
    questionsOf(taker.quiz.lessonId),
    db
      .select({
        questionId: quizAnswers.questionId,
        answer: quizAnswers.answer,
        correct: quizAnswers.correct,
        pointsAwarded: quizAnswers.pointsAwarded,
      })
      .from(quizAnswers)
      .where(eq(quizAnswers.attemptId, attempt.id)),
  ]);
  const shownQuestions = learnerQuestions(attempt, questions);
  const answers: Record<string, LearnerAnswer> = {};
  for (const row of saved) {
    const answer = learnerAnswer(row.answer);
    if (answer) answers[row.questionId] = answer;
  }
  let result: LearnerAttempt["result"] = null;
  if (attempt.submittedAt) {
    const shown = answersShown(taker.quiz.showAnswers, quizPassed);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const inOrder = shownQuestions.map((q) => byId.get(q.id)!);
    result = { feedback: feedbackOf(inOrder, saved, shown), answersShown: shown, passingScore: taker.quiz.passingScore };
  }
  return { ...attemptSummary(attempt), questions: shownQuestions, answers, now: new Date().toISOString(), result };
}

/** The quiz's intro: its settings as the learner sees them, their attempts (newest first) and how many are left. */
export async function listMyAttempts(
  viewer: Viewer | null,
  courseId: string,
  lessonId: string,
): Promise<{ quiz: QuizStatus; attempts: AttemptSummary[] }> {
  const taker = await requireQuizTaker(viewer, courseId, lessonId);
  await closeExpiredAttempts(courseId, taker.quiz, taker.enrollmentId);
  const [attempts, questions] = await Promise.all([attemptsOf(taker), questionsOf(lessonId)]);
  return { quiz: await statusOf(taker, attempts, questions), attempts: attempts.map(attemptSummary) };
}

/**
 * Starts an attempt, or answers the one still open (a reload, another device): `created` says which. The attempt keeps
 * its own question order (shuffled when the quiz says so) and option order (shuffled likewise; true/false stays
 * True, False), and its deadline when the quiz is timed. Past the allowed attempts (maxAttempts plus any granted) a
 * new one is refused (409). Two starts at once make one attempt: the partial unique index allows one open attempt per
 * quiz and enrollment, so the second insert does nothing and reads the first.
 */
export async function startAttempt(viewer: Viewer | null, courseId: string, lessonId: string) {
  const taker = await requireActiveQuizTaker(viewer, courseId, lessonId);
  const { quiz } = taker;
  await closeExpiredAttempts(courseId, quiz, taker.enrollmentId);
  const [attempts, questions] = await Promise.all([attemptsOf(taker), questionsOf(lessonId)]);
  const open = attempts.find((a) => a.submittedAt === null);
  if (open) return answer(taker, open, [...attempts], questions, false);

  const status = await statusOf(taker, attempts, questions);
  if (status.attemptsLeft === 0) {
    throw new AppError("CONFLICT", usedAllAttempts(status.attemptsAllowed!));
  }
  if (questions.length === 0) throw new AppError("CONFLICT", "This quiz has no questions yet.");

  const order = quiz.shuffleQuestions ? shuffled(questions) : questions;
  const optionOrder: Record<string, string[]> = {};
  for (const q of order) {
    if (q.type === "short_text" || q.type === "numeric") continue;
    const ids = q.options.map((o) => o.id);
    optionOrder[q.id] = quiz.shuffleOptions && q.type !== "true_false" ? shuffled(ids) : ids;
  }
  const startedAt = new Date();
  const [created] = await db
    .insert(quizAttempts)
    .values({
      lessonId,
      enrollmentId: taker.enrollmentId,
      number: (attempts[0]?.number ?? 0) + 1,
      startedAt,
      deadlineAt: quiz.timeLimitMinutes === null ? null : new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000),
      questionOrder: order.map((q) => q.id),
      optionOrder,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return answer(taker, created, [created, ...attempts], questions, true);
  // Another start of this learner won the race: theirs is the open attempt.
  const [winner] = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.lessonId, lessonId), eq(quizAttempts.enrollmentId, taker.enrollmentId), isNull(quizAttempts.submittedAt)));
  if (!winner) throw new AppError("CONFLICT", "The quiz changed while starting. Please try again.");
  return answer(taker, winner, await attemptsOf(taker), questions, false);
}

async function answer(
  taker: QuizTaker,
  attempt: QuizAttempt,
  attempts: QuizAttempt[],
  questions: Pick<QuizQuestion, "points">[],
  created: boolean,
) {
  const quiz = await statusOf(taker, attempts, questions);
  return { attempt: await learnerAttempt(taker, attempt, quiz.passed), quiz, created };
}

/** One of the learner's attempts: to resume it, or to read its grading again. */
export async function getMyAttempt(viewer: Viewer | null, courseId: string, lessonId: string, attemptId: string) {
  const taker = await requireQuizTaker(viewer, courseId, lessonId);
  await ownAttempt(taker, attemptId);
  await closeExpiredAttempts(courseId, taker.quiz, taker.enrollmentId);
  const [attempts, questions] = await Promise.all([attemptsOf(taker), questionsOf(lessonId)]);
  const { attempt, quiz } = await answer(
    taker,
    attempts.find((a) => a.id === attemptId)!,
    attempts,
    questions,
    false,
  );
  return { attempt, quiz };
}

/**
 * Submits and grades the attempt (./attempts-grading.ts). Submitting a graded attempt again answers its grading as it
 * is; an attempt past its deadline is graded with the answers saved in time. Answers the graded attempt, the quiz's
 * status, and the lesson's completion with the enrollment's progress.
 */
export async function submitAttempt(viewer: Viewer | null, courseId: string, lessonId: string, attemptId: string) {
  const taker = await requireActiveQuizTaker(viewer, courseId, lessonId);
  const attempt = await ownAttempt(taker, attemptId);
  const graded = attempt.submittedAt ? { attempt, completion: null } : await gradeAttemptOnce(courseId, taker.quiz, attemptId);
  const [attempts, questions] = await Promise.all([attemptsOf(taker), questionsOf(lessonId)]);
  const { attempt: shown, quiz } = await answer(taker, graded.attempt, attempts, questions, false);
  return { attempt: shown, quiz, progress: graded.completion ?? (await currentCompletion(taker)) };
}

async function currentCompletion(taker: QuizTaker): Promise<Completion> {
  const [row] = await db
    .select({ progress: enrollments.progress, completedAt: enrollments.completedAt, completed: lessonProgress.completed })
    .from(enrollments)
    .leftJoin(lessonProgress, and(eq(lessonProgress.enrollmentId, enrollments.id), eq(lessonProgress.lessonId, taker.quiz.lessonId)))
    .where(eq(enrollments.id, taker.enrollmentId));
  return {
    lessonId: taker.quiz.lessonId,
    completed: row?.completed ?? false,
    progress: row?.progress ?? 0,
    courseCompleted: (row?.completedAt ?? null) !== null,
  };
}
