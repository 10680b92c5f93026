import "server-only";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { db, type Transaction } from "@/lib/db/client";
import { quizAnswers, quizAttempts, quizQuestions, type Quiz, type QuizAttempt } from "@/lib/db/schema";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { writeLessonCompletion } from "@/lib/learning/lesson-progress";
import { DEADLINE_GRACE_MS } from "./attempts-access";
import { gradeAttempt } from "./grade";

export type Completion = { lessonId: string; completed: boolean; progress: number; courseCompleted: boolean };

/**
 * Grades an attempt once: in one transaction that locks the attempt row, so a second submit, two at once, or a submit
 * meeting the deadline sweep find it graded and leave it as it is. Every question of the attempt gets its answer row
 * (an unanswered one with a null answer) with whether it was right and its points; the attempt its score, points,
 * passed and submitted_at; and when it passed, the lesson is completed and the enrollment's progress recomputed in the
 * same transaction. Answers the graded attempt row, and the completion when this call passed it.
 */
export async function gradeAttemptOnce(
  courseId: string,
  quiz: Quiz,
  attemptId: string,
): Promise<{ attempt: QuizAttempt; completion: Completion | null; gradedNow: boolean }> {
  const outcome = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).for("update");
    if (!locked) throw new Error(`attempt ${attemptId} vanished while being graded`);
    if (locked.submittedAt !== null) return { attempt: locked, completion: null, gradedNow: false };
    return { ...(await grade(tx, courseId, quiz, locked)), gradedNow: true };
  });
  if (outcome.gradedNow) analyticsChanged(courseId);
  return outcome;
}

async function grade(tx: Transaction, courseId: string, quiz: Quiz, attempt: QuizAttempt) {
  const now = new Date();
  const rows =
    attempt.questionOrder.length === 0
      ? []
      : await tx
          .select()
          .from(quizQuestions)
          .where(and(eq(quizQuestions.lessonId, quiz.lessonId), inArray(quizQuestions.id, attempt.questionOrder)));
  const byId = new Map(rows.map((q) => [q.id, q]));
  // The attempt's own questions, in its order; one deleted since it began is not counted.
  const questions = attempt.questionOrder.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const saved = await tx
    .select({ questionId: quizAnswers.questionId, answer: quizAnswers.answer })
    .from(quizAnswers)
    .where(eq(quizAnswers.attemptId, attempt.id));
  const graded = gradeAttempt(questions, new Map(saved.map((a) => [a.questionId, a.answer])), quiz.passingScore);

  if (graded.answers.length > 0) {
    const answered = new Map(saved.map((a) => [a.questionId, a.answer]));
    await tx
      .insert(quizAnswers)
      .values(
        graded.answers.map((a) => ({
          attemptId: attempt.id,
          questionId: a.questionId,
          answer: answered.get(a.questionId) ?? null,
          correct: a.correct,
          pointsAwarded: a.points,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [quizAnswers.attemptId, quizAnswers.questionId],
        set: { correct: sql`excluded.correct`, pointsAwarded: sql`excluded.points_awarded`, updatedAt: now },
      });
  }
  const [updated] = await tx
    .update(quizAttempts)
    .set({
      submittedAt: now,
      score: graded.score,
      pointsEarned: graded.pointsEarned,
      pointsPossible: graded.pointsPossible,
      passed: graded.passed,
    })
    .where(eq(quizAttempts.id, attempt.id))
    .returning();
  const completion = graded.passed
    ? await writeLessonCompletion(tx, { courseId, enrollmentId: attempt.enrollmentId, lessonId: quiz.lessonId, completed: true, now })
    : null;
  return { attempt: updated!, completion };
}

/**
 * Grades, with what was saved, every attempt of this learner at this quiz that is still open past its deadline. Run
 * whenever the learner touches the quiz (start, list, open, save, submit), so a closed tab cannot keep an attempt open.
 */
export async function closeExpiredAttempts(courseId: string, quiz: Quiz, enrollmentId: string): Promise<void> {
  const expired = await db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.lessonId, quiz.lessonId),
        eq(quizAttempts.enrollmentId, enrollmentId),
        isNull(quizAttempts.submittedAt),
        lt(quizAttempts.deadlineAt, new Date(Date.now() - DEADLINE_GRACE_MS)),
      ),
    );
  for (const { id } of expired) await gradeAttemptOnce(courseId, quiz, id);
}
