import type { Viewer } from "@/lib/auth/viewer";
import { createCourse } from "@/lib/courses/manage-course";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { createModule } from "@/lib/curriculum/manage-modules";
import { AppError } from "@/lib/http/errors";
import type { QuizPath } from "@/lib/quizzes/manage-quiz";
import { insertUser } from "./user-fixtures";

/** For the quiz authoring lib tests (src/lib/quizzes): a course with a plain lesson and a quiz, made by the lib functions. */
export async function courseWithQuiz(owner?: Viewer) {
  const instructor = owner ?? (await insertUser({ role: "INSTRUCTOR" }));
  const course = await createCourse(instructor, { title: "Quiz course", description: "Has a quiz." });
  const mod = await createModule(instructor, course.id, { title: "Week 1" });
  const lesson = await createLesson(instructor, course.id, mod.id, { title: "Reading" });
  const quizLesson = await createLesson(instructor, course.id, mod.id, { title: "Checkpoint", kind: "quiz" });
  const quiz: QuizPath = { courseId: course.id, moduleId: mod.id, lessonId: quizLesson.id };
  const plain: QuizPath = { courseId: course.id, moduleId: mod.id, lessonId: lesson.id };
  return { owner: instructor, course, module: mod, quiz, plain };
}

/** The HTTP status an AppError would give (200 when it resolved, 500 for anything else), and the error. */
export async function outcomeOf(promise: Promise<unknown>): Promise<{ status: number; error?: AppError }> {
  try {
    await promise;
    return { status: 200 };
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, error };
    throw error;
  }
}
