import { eq } from "drizzle-orm";
import { insertUser } from "./user-fixtures";
import { db } from "@/lib/db/client";
import { courses, enrollments, lessons, modules, quizQuestions, quizzes, type NewQuiz, type NewQuizQuestion } from "@/lib/db/schema";
import { enroll } from "@/lib/learning/enroll";
import type { AnswerValue } from "@/lib/validation/quiz";

/**
 * For the attempts tests: a published course with a reading lesson and a quiz lesson whose questions cover every type,
 * written straight to the test database (the quiz editor's API is tested on its own). (tests/helpers/quiz-fixtures.ts builds one over HTTP for the API and browser tests.)
 */

export const QUESTIONS = {
  single: {
    type: "single",
    prompt: "Which planet is **red**?",
    points: 2,
    explanation: "Iron oxide makes Mars red.",
    options: [
      { id: "venus", text: "Venus", correct: false },
      { id: "mars", text: "Mars", correct: true },
      { id: "pluto", text: "Pluto", correct: false },
    ],
  },
  multiple: {
    type: "multiple",
    prompt: "Which are prime?",
    points: 4,
    explanation: "2 and 3 have no divisors but 1 and themselves.",
    partialCredit: true,
    options: [
      { id: "two", text: "2", correct: true },
      { id: "three", text: "3", correct: true },
      { id: "four", text: "4", correct: false },
      { id: "nine", text: "9", correct: false },
    ],
  },
  trueFalse: {
    type: "true_false",
    prompt: "Water boils at 100 °C at sea level.",
    points: 1,
    explanation: "At 1 atm it does.",
    options: [
      { id: "true", text: "True", correct: true },
      { id: "false", text: "False", correct: false },
    ],
  },
  shortText: {
    type: "short_text",
    prompt: "Who wrote the first program?",
    points: 2,
    explanation: "Ada Lovelace's notes on the Analytical Engine.",
    acceptedAnswers: ["Ada Lovelace", "Lovelace"],
  },
  numeric: {
    type: "numeric",
    prompt: "What is 7 / 2?",
    points: 1,
    explanation: "Three and a half.",
    numericAnswer: 3.5,
    tolerance: 0.01,
  },
} satisfies Record<string, Omit<NewQuizQuestion, "lessonId">>;

export type QuestionKey = keyof typeof QUESTIONS;
export const TOTAL_POINTS = Object.values(QUESTIONS).reduce((sum, q) => sum + q.points, 0);

export type QuizFixture = {
  courseId: string;
  readingLessonId: string;
  quizLessonId: string;
  instructorId: string;
  /** Question ids by key. */
  q: Record<QuestionKey, string>;
};

/** A published course of a reading lesson and a quiz with one question of each type, in the order of QUESTIONS. */
export async function quizCourse(
  settings: Partial<NewQuiz> = {},
): Promise<QuizFixture & { instructor: Awaited<ReturnType<typeof insertUser>> }> {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const [course] = await db
    .insert(courses)
    .values({
      instructorId: instructor.id,
      title: "Quiz course",
      description: "d",
      isPublished: true,
      publishedAt: new Date(),
      totalLessons: 2,
    })
    .returning({ id: courses.id });
  const [module] = await db.insert(modules).values({ courseId: course!.id, title: "M" }).returning({ id: modules.id });
  const [reading, quizLesson] = await db
    .insert(lessons)
    .values([
      { moduleId: module!.id, title: "Reading", ord: 0 },
      { moduleId: module!.id, title: "Check", kind: "quiz", ord: 1 },
    ])
    .returning({ id: lessons.id });
  await db.insert(quizzes).values({ lessonId: quizLesson!.id, ...settings });
  const q = {} as Record<QuestionKey, string>;
  let ord = 0;
  for (const [key, question] of Object.entries(QUESTIONS)) {
    const [row] = await db
      .insert(quizQuestions)
      .values({ ...question, lessonId: quizLesson!.id, ord: ord++ })
      .returning({ id: quizQuestions.id });
    q[key as QuestionKey] = row!.id;
  }
  return { instructor, instructorId: instructor.id, courseId: course!.id, readingLessonId: reading!.id, quizLessonId: quizLesson!.id, q };
}

export async function enrolledLearner(courseId: string) {
  const learner = await insertUser({ role: "LEARNER" });
  await enroll(learner, courseId);
  return learner;
}

export async function enrollmentOf(courseId: string, learnerId: string) {
  const rows = await db.select().from(enrollments).where(eq(enrollments.courseId, courseId));
  return rows.find((e) => e.learnerId === learnerId)!;
}

/** Right answers to every question, as the player sends them. */
export const RIGHT = {
  single: { optionId: "mars" },
  multiple: { optionIds: ["two", "three"] },
  trueFalse: { optionId: "true" },
  shortText: { text: "  ada LOVELACE " },
  numeric: { value: " 3,5 " },
} satisfies Record<string, AnswerValue>;

export const WRONG = {
  single: { optionId: "venus" },
  multiple: { optionIds: ["two", "four"] },
  trueFalse: { optionId: "false" },
  shortText: { text: "Babbage" },
  numeric: { value: 4 },
} satisfies Record<string, AnswerValue>;
