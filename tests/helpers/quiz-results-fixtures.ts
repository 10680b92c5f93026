/**
 * Tests only: quizzes, questions, attempts and answers written straight into the test database, for the results and
 * analytics tests. Attempts are graded with the app's own gradeAttempt, so a score here is the score the server would
 * give the same answers.
 */
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import {
  courses,
  enrollments,
  lessons,
  modules,
  quizAnswers,
  quizAttempts,
  quizQuestions,
  quizzes,
  type NewQuizQuestion,
  type QuizOption,
} from "@/lib/db/schema";
import { gradeAttempt, type GradableQuestion } from "@/lib/quizzes/grade";

const option = (id: string, text: string, correct = false): QuizOption => ({ id, text, correct });

/** Five questions, one of each type, one point each (the numeric one two): 6 points in all. */
export const FIVE_QUESTIONS: Omit<NewQuizQuestion, "lessonId">[] = [
  {
    type: "single",
    prompt: "Which planet is **largest**?",
    options: [option("a", "Mars"), option("b", "Jupiter", true), option("c", "Venus"), option("d", "Mercury")],
  },
  {
    type: "multiple",
    prompt: "Which are prime?",
    options: [option("two", "2", true), option("three", "3", true), option("four", "4"), option("nine", "9")],
  },
  {
    type: "true_false",
    prompt: "Water boils at 100 °C at sea level.",
    options: [option("true", "True", true), option("false", "False")],
  },
  { type: "short_text", prompt: "The capital of France?", acceptedAnswers: ["Paris"] },
  { type: "numeric", prompt: "Half of 7?", points: 2, numericAnswer: 3.5, tolerance: 0 },
];

export type QuizFixture = { courseId: string; moduleId: string; lessonId: string; questions: GradableQuestion[]; passingScore: number };

/** A course of the instructor (published unless told) with one plain lesson and one quiz lesson holding `questions`. */
export async function insertQuizCourse(
  instructorId: string,
  {
    title = "Quiz course",
    questions = FIVE_QUESTIONS,
    passingScore = 70,
    maxAttempts = null as number | null,
    published = true,
    quizTitle = "Check your understanding",
  } = {},
): Promise<QuizFixture> {
  const [course] = await db
    .insert(courses)
    .values({ instructorId, title, description: "About it.", isPublished: published, totalLessons: 2 })
    .returning({ id: courses.id });
  const courseId = course!.id;
  const [mod] = await db.insert(modules).values({ courseId, title: "Module", ord: 0 }).returning({ id: modules.id });
  await db.insert(lessons).values({ moduleId: mod!.id, title: "Reading", ord: 0 });
  const [quizLesson] = await db
    .insert(lessons)
    .values({ moduleId: mod!.id, title: quizTitle, ord: 1, kind: "quiz" })
    .returning({ id: lessons.id });
  const lessonId = quizLesson!.id;
  await db.insert(quizzes).values({ lessonId, passingScore, maxAttempts });
  const rows = questions.length
    ? await db
        .insert(quizQuestions)
        .values(questions.map((q, i) => ({ ...q, lessonId, ord: i })))
        .returning()
    : [];
  rows.sort((a, b) => a.ord - b.ord);
  return { courseId, moduleId: mod!.id, lessonId, questions: rows, passingScore };
}

export async function insertEnrollment(courseId: string, learnerId: string): Promise<string> {
  const [row] = await db.insert(enrollments).values({ courseId, learnerId }).returning({ id: enrollments.id });
  await db
    .update(courses)
    .set({ enrollmentCount: await db.$count(enrollments, eq(enrollments.courseId, courseId)) })
    .where(eq(courses.id, courseId));
  return row!.id;
}

let minute = 0;

/**
 * A graded attempt: `answers` by question index (a missing index is left unanswered, as a null answer). The attempt
 * starts `seconds` before it is submitted; submits are a minute apart in the order they are inserted.
 */
export async function insertGradedAttempt(
  quiz: QuizFixture,
  enrollmentId: string,
  answers: Record<number, unknown>,
  { number = 1, seconds = 120 }: { number?: number; seconds?: number } = {},
) {
  minute += 1;
  const submittedAt = new Date(Date.UTC(2026, 2, 1, 12, minute));
  const startedAt = new Date(submittedAt.getTime() - seconds * 1000);
  const byId = new Map(quiz.questions.map((q, i) => [q.id, answers[i] ?? null]));
  const graded = gradeAttempt(quiz.questions, byId, quiz.passingScore);
  const [attempt] = await db
    .insert(quizAttempts)
    .values({
      lessonId: quiz.lessonId,
      enrollmentId,
      number,
      startedAt,
      submittedAt,
      questionOrder: quiz.questions.map((q) => q.id),
      score: graded.score,
      pointsEarned: graded.pointsEarned,
      pointsPossible: graded.pointsPossible,
      passed: graded.passed,
    })
    .returning({ id: quizAttempts.id });
  if (quiz.questions.length) {
    await db.insert(quizAnswers).values(
      graded.answers.map((a) => ({
        attemptId: attempt!.id,
        questionId: a.questionId,
        answer: byId.get(a.questionId) ?? null,
        correct: a.correct,
        pointsAwarded: a.points,
      })),
    );
  }
  return { attemptId: attempt!.id, ...graded };
}

/** An attempt still open (not graded), with nothing saved. */
export async function insertOpenAttempt(quiz: QuizFixture, enrollmentId: string, number: number) {
  const [attempt] = await db
    .insert(quizAttempts)
    .values({ lessonId: quiz.lessonId, enrollmentId, number, questionOrder: quiz.questions.map((q) => q.id) })
    .returning({ id: quizAttempts.id });
  return attempt!.id;
}

/** Answers to FIVE_QUESTIONS: all right, or each one wrong in a chosen way. */
export const RIGHT = {
  0: { optionId: "b" },
  1: { optionIds: ["two", "three"] },
  2: { optionId: "true" },
  3: { text: "Paris" },
  4: { value: 3.5 },
} as const satisfies Record<number, unknown>;
