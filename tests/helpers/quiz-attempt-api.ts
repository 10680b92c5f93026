import type { ApiClient, ApiResponse } from "./api-client";
import type { QuizCourse, QuizQuestionType } from "./quiz-fixtures";

/**
 * A learner takes the quiz of a buildQuizCourse course over HTTP, as the player does: starts an attempt (or gets the
 * open one), saves an answer per question and submits. `answers` says per question type whether to answer it "right",
 * "wrong" or leave it blank ("skip"); a type not named is answered right. Throws unless every step answers as it should;
 * returns the submit's answer ({ attempt: { score, passed, … }, quiz, progress }).
 */
export type QuizTake = Partial<Record<QuizQuestionType, "right" | "wrong" | "skip">>;
export type SubmittedAttempt = {
  attempt: { id: string; number: number; score: number; passed: boolean; status: string };
  quiz: { attemptsAllowed: number | null; attemptsUsed: number; attemptsLeft: number | null; passed: boolean };
  progress: { completed: boolean; progress: number };
};

const ok = (response: ApiResponse, what: string, statuses = [200]) => {
  if (!statuses.includes(response.status)) throw new Error(`${what} answered ${response.status}: ${response.text}`);
  return response;
};

export const attemptsPath = (course: Pick<QuizCourse, "courseId" | "quizLessonId">) =>
  `/api/my-courses/${course.courseId}/lessons/${course.quizLessonId}/attempts`;

export async function takeQuiz(learner: ApiClient, course: QuizCourse, answers: QuizTake = {}): Promise<SubmittedAttempt> {
  const started = ok(await learner.post(attemptsPath(course)), "starting an attempt", [200, 201]);
  const attemptId = started.json<{ attempt: { id: string } }>().attempt.id;
  for (const [type, answer] of Object.entries(course.answers) as [QuizQuestionType, QuizCourse["answers"]["single"]][]) {
    const how = answers[type] ?? "right";
    if (how === "skip") continue;
    ok(
      await learner.put(`${attemptsPath(course)}/${attemptId}/answers`, { questionId: answer.questionId, answer: answer[how] }),
      `saving the ${type} answer`,
    );
  }
  return ok(await learner.post(`${attemptsPath(course)}/${attemptId}/submit`), "submitting").json<SubmittedAttempt>();
}
