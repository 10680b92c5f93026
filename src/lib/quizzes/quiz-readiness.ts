import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { db, type Transaction } from "@/lib/db/client";
import { lessons, modules, quizQuestions } from "@/lib/db/schema";

/**
 * What keeps a course's quizzes from being published: a quiz without questions, or a choice question (single,
 * multiple) without a correct option, which nobody could answer right. Publishing refuses them
 * (src/lib/courses/manage-course.ts) and the course editor lists them before the instructor tries.
 */
export type QuizProblem = {
  moduleId: string;
  lessonId: string;
  lessonTitle: string;
  /** 1 for the quiz's first question; null when the problem is the quiz's (no questions). */
  questionNumber: number | null;
  questionId: string | null;
  /** Says what to fix, naming the quiz and the question. */
  message: string;
};

/** The problems in curriculum order (module, lesson, question); one query. */
export async function quizProblemsOf(executor: Transaction | typeof db, courseId: string): Promise<QuizProblem[]> {
  const rows = await executor
    .select({
      moduleId: lessons.moduleId,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      questionId: quizQuestions.id,
      type: quizQuestions.type,
      options: quizQuestions.options,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .leftJoin(quizQuestions, eq(quizQuestions.lessonId, lessons.id))
    .where(and(eq(modules.courseId, courseId), eq(lessons.kind, "quiz")))
    .orderBy(asc(modules.ord), asc(lessons.ord), asc(quizQuestions.ord));
  const problems: QuizProblem[] = [];
  let number = 0;
  rows.forEach((row, index) => {
    const quiz = { moduleId: row.moduleId, lessonId: row.lessonId, lessonTitle: row.lessonTitle };
    number = index > 0 && rows[index - 1]!.lessonId === row.lessonId ? number + 1 : 1;
    if (row.questionId === null) {
      problems.push({ ...quiz, questionNumber: null, questionId: null, message: `Quiz "${row.lessonTitle}" has no questions.` });
    } else if ((row.type === "single" || row.type === "multiple") && !row.options!.some((o) => o.correct)) {
      problems.push({
        ...quiz,
        questionNumber: number,
        questionId: row.questionId,
        message: `Quiz "${row.lessonTitle}", question ${number}: mark the correct option.`,
      });
    }
  });
  return problems;
}

/** The same list for the course editor, after the editor check. */
export async function getQuizProblems(viewer: Viewer | null, courseId: string): Promise<QuizProblem[]> {
  await requireCourseEditor(viewer, courseId);
  return quizProblemsOf(db, courseId);
}
