import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { lockCourse, requireCourseEditor, requireLessonOf } from "@/lib/courses/course-editor-access";
import { db, type Transaction } from "@/lib/db/client";
import { lessons, quizQuestions, quizzes } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { DEFAULT_QUIZ_SETTINGS, type QuizSettings, type UpdateQuizSettingsInput } from "@/lib/validation/quiz";
import { authoredQuestion, type AuthoredQuestion } from "./authored-question";

/** The quiz's settings as the editor and the API show them. */
export const quizSettingsColumns = {
  passingScore: quizzes.passingScore,
  maxAttempts: quizzes.maxAttempts,
  timeLimitMinutes: quizzes.timeLimitMinutes,
  shuffleQuestions: quizzes.shuffleQuestions,
  shuffleOptions: quizzes.shuffleOptions,
  showAnswers: quizzes.showAnswers,
};

/** Where a quiz lives: the path of its lesson in the editor. */
export type QuizPath = { courseId: string; moduleId: string; lessonId: string };

/**
 * The quiz lesson in the path. A lesson of another module or course is a 404, and so is a lesson whose kind is not
 * quiz: the quiz routes name a thing that does not exist there (a 409 would say it could, after some change, and a
 * lesson's kind never changes).
 */
export async function requireQuizOf({ courseId, moduleId, lessonId }: QuizPath, executor: Transaction | typeof db = db) {
  const lesson = await requireLessonOf(courseId, moduleId, lessonId, executor);
  if (lesson.kind !== "quiz") throw new AppError("NOT_FOUND", "This lesson is not a quiz.");
  return lesson;
}

/**
 * Opens a write to a quiz: locks the course (curriculum writes and publishing happen one at a time, so a course is
 * never published while a question is being deleted under the check), checks the lesson is a quiz of the course, and
 * makes sure its settings row exists (a quiz written by hand or by an older script may lack one).
 */
export async function openQuizWrite(tx: Transaction, path: QuizPath) {
  await lockCourse(tx, path.courseId);
  await requireQuizOf(path, tx);
  await tx.insert(quizzes).values({ lessonId: path.lessonId }).onConflictDoNothing();
}

export type QuizForEditor = {
  lessonId: string;
  title: string;
  settings: QuizSettings;
  questions: AuthoredQuestion[];
};

/** The quiz editor's data: settings and every question with its answers, in order. For the course's editors only. */
export async function getQuizForEditor(viewer: Viewer | null, path: QuizPath): Promise<QuizForEditor> {
  await requireCourseEditor(viewer, path.courseId);
  await requireQuizOf(path);
  const [[lesson], [settings], rows] = await Promise.all([
    db.select({ title: lessons.title }).from(lessons).where(eq(lessons.id, path.lessonId)),
    db.select(quizSettingsColumns).from(quizzes).where(eq(quizzes.lessonId, path.lessonId)),
    db.select().from(quizQuestions).where(eq(quizQuestions.lessonId, path.lessonId)).orderBy(asc(quizQuestions.ord)),
  ]);
  return {
    lessonId: path.lessonId,
    title: lesson!.title,
    settings: settings ?? DEFAULT_QUIZ_SETTINGS,
    questions: rows.map(authoredQuestion),
  };
}

/** Changes any of the quiz's settings; answers them all. */
export async function updateQuizSettings(viewer: Viewer | null, path: QuizPath, input: UpdateQuizSettingsInput): Promise<QuizSettings> {
  await requireCourseEditor(viewer, path.courseId);
  return db.transaction(async (tx) => {
    await openQuizWrite(tx, path);
    const [row] = await tx
      .update(quizzes)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(quizzes.lessonId, path.lessonId))
      .returning(quizSettingsColumns);
    return row!;
  });
}
