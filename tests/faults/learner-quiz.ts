import { demoQuizzes, type DemoQuizQuestion } from "@/lib/demo/quizzes";
import type { ApiClient, ApiResponse } from "../helpers/api-client";
import { rightAnswer } from "../helpers/demo-quiz-answers";

/**
 * A simulated learner's turn at a demo quiz, as the player does it: reads the quiz's intro (attempts left), starts an
 * attempt (or resumes the open one), saves an answer per question, right three times in four and otherwise the demo's
 * typical mistake, and submits. A quiz whose attempts are used up is only looked at.
 */
export type Recorder = (action: string, send: () => Promise<ApiResponse>) => Promise<ApiResponse | null>;
/** An attempt whose submission the server acknowledged with a 200, and the grading it answered. */
export type SubmittedAttempt = { attemptId: string; score: number; passed: boolean };

type AttemptQuestion = { id: string; type: DemoQuizQuestion["type"]; prompt: string };
type QuizStatus = { attemptsLeft: number | null; passed: boolean };

const demoQuestions = new Map(demoQuizzes.flatMap((quiz) => quiz.questions).map((q) => [q.prompt.trim(), q]));

/** Takes the quiz once if attempts are left; answers the acknowledged submission, or null. */
export async function takeDemoQuiz(
  client: ApiClient,
  record: Recorder,
  courseId: string,
  lessonId: string,
): Promise<SubmittedAttempt | null> {
  const attempts = `/api/my-courses/${courseId}/lessons/${lessonId}/attempts`;
  const intro = await record("quiz intro", () => client.get(attempts));
  if (intro?.status !== 200 || intro.json<{ quiz: QuizStatus }>().quiz.attemptsLeft === 0) return null;
  const started = await record("start attempt", () => client.post(attempts));
  if (started?.status !== 200 && started?.status !== 201) return null;
  const attempt = started.json<{ attempt: { id: string; questions: AttemptQuestion[] } }>().attempt;
  for (const question of attempt.questions) {
    const demo = demoQuestions.get(question.prompt.trim());
    if (!demo) continue;
    const answer = Math.random() < 0.75 ? rightAnswer(demo) : demo.mistake;
    const saved = await record("save answer", () => client.put(`${attempts}/${attempt.id}/answers`, { questionId: question.id, answer }));
    if (saved?.status !== 200) return null;
  }
  const submitted = await record("submit quiz", () => client.post(`${attempts}/${attempt.id}/submit`));
  if (submitted?.status !== 200) return null;
  const graded = submitted.json<{ attempt: { score: number; passed: boolean } }>().attempt;
  return { attemptId: attempt.id, score: graded.score, passed: graded.passed };
}
