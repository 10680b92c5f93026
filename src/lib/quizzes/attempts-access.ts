import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { lessons, modules, quizAttempts, quizQuestions, quizzes, type Quiz } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { assertEnrollmentOpen, requireContentAccess } from "@/lib/learning/course-access";

/**
 * Who may take a quiz, and the quiz they take: the learner enrolled in the course (401 signed out; 404 for a course they
 * may not see or a lesson that is not a quiz of it; 403 when they are not enrolled, editors and admins included, since
 * attempts belong to an enrollment).
 */

export type QuizTaker = { courseId: string; enrollmentId: string; endsAt: Date | null; quiz: Quiz };

/** Attempts an open attempt is still open for after its deadline: a save sent at the last second is not lost on the way. */
export const DEADLINE_GRACE_MS = 5_000;

export const notAQuiz = () => new AppError("NOT_FOUND", "This quiz does not exist in this course.");

/** The quiz's settings, when the lesson is a quiz of the course. */
export async function quizOfCourse(courseId: string, lessonId: string): Promise<Quiz> {
  const [row] = await db
    .select({ quiz: quizzes, kind: lessons.kind })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .leftJoin(quizzes, eq(quizzes.lessonId, lessons.id))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row || row.kind !== "quiz" || !row.quiz) throw notAQuiz();
  return row.quiz;
}

export async function requireQuizTaker(viewer: Viewer | null, courseId: string, lessonId: string): Promise<QuizTaker> {
  const access = await requireContentAccess(viewer, courseId);
  const quiz = await quizOfCourse(courseId, lessonId);
  if (!access.enrollment) throw new AppError("FORBIDDEN", "Enroll in this course to take its quizzes.");
  return { courseId, enrollmentId: access.enrollment.id, endsAt: access.enrollment.endsAt, quiz };
}

/** requireQuizTaker for a write (start, save, submit): refused once the enrollment has ended. */
export async function requireActiveQuizTaker(viewer: Viewer | null, courseId: string, lessonId: string): Promise<QuizTaker> {
  const taker = await requireQuizTaker(viewer, courseId, lessonId);
  assertEnrollmentOpen(taker);
  return taker;
}

/** The taker's own attempt at this quiz; anyone else's (or one of another quiz) is a 404. */
export async function ownAttempt(taker: QuizTaker, attemptId: string) {
  const [row] = await db
    .select()
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.id, attemptId),
        eq(quizAttempts.enrollmentId, taker.enrollmentId),
        eq(quizAttempts.lessonId, taker.quiz.lessonId),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND", "This attempt does not exist.");
  return row;
}

/** Whether an open attempt's time is up (with the grace above). */
export function isPastDeadline(attempt: { deadlineAt: Date | null; submittedAt: Date | null }, now = Date.now()): boolean {
  return attempt.submittedAt === null && attempt.deadlineAt !== null && now > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;
}

/** Every question of the quiz, in the instructor's order. */
export function questionsOf(lessonId: string) {
  return db
    .select()
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, lessonId))
    .orderBy(asc(quizQuestions.ord), asc(quizQuestions.createdAt), asc(quizQuestions.id));
}
