import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { questionsOf, quizOfCourse } from "./attempts-access";
import { learnerQuestions, type LearnerQuestion, type QuizStatus } from "./attempts-view";

/**
 * A quiz as a learner sees it, for the course's editors in the learner preview: the settings of its intro and its
 * questions through the same allow-list as an attempt (in the instructor's order, options unshuffled), so the preview
 * shows exactly what a learner gets and nothing more. It reads only: no attempt is made.
 */
export async function previewQuiz(
  viewer: Viewer | null,
  courseId: string,
  lessonId: string,
): Promise<{ quiz: QuizStatus; questions: LearnerQuestion[] }> {
  await requireCourseEditor(viewer, courseId);
  const quiz = await quizOfCourse(courseId, lessonId);
  const rows = await questionsOf(lessonId);
  const questions = learnerQuestions(
    { questionOrder: rows.map((q) => q.id), optionOrder: Object.fromEntries(rows.map((q) => [q.id, q.options.map((o) => o.id)])) },
    rows,
  );
  return {
    quiz: {
      lessonId,
      passingScore: quiz.passingScore,
      timeLimitMinutes: quiz.timeLimitMinutes,
      showAnswers: quiz.showAnswers,
      questionCount: rows.length,
      totalPoints: rows.reduce((sum, q) => sum + q.points, 0),
      attemptsAllowed: quiz.maxAttempts,
      attemptsUsed: 0,
      attemptsLeft: quiz.maxAttempts,
      passed: false,
      bestScore: null,
      openAttemptId: null,
    },
    questions,
  };
}
