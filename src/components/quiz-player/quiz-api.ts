import { NETWORK_ERROR_MESSAGE, sendJson, type ApiResult } from "@/lib/http/client-json";
import type { Completion } from "@/lib/quizzes/attempts-grading";
import type { AttemptSummary, LearnerAnswer, LearnerAttempt, QuizStatus } from "@/lib/quizzes/attempts-view";

/** The quiz routes of the learner's API (src/app/api/my-courses/[courseId]/lessons/[lessonId]/attempts), from the browser. */

export type { AttemptSummary, LearnerAnswer, LearnerAttempt, QuizStatus };
export type LearnerQuestion = LearnerAttempt["questions"][number];
export type QuestionFeedback = NonNullable<LearnerAttempt["result"]>["feedback"][number];

export type AttemptAnswer = { attempt: LearnerAttempt; quiz: QuizStatus };
export type SubmitAnswer = AttemptAnswer & { progress: Completion };

export function quizApi(courseId: string, lessonId: string) {
  const base = `/api/my-courses/${courseId}/lessons/${lessonId}/attempts`;
  return {
    start: () => sendJson<AttemptAnswer>(base, {}),
    save: (attemptId: string, questionId: string, answer: LearnerAnswer | null) =>
      sendJson<{ answer: { questionId: string; savedAt: string } }>(`${base}/${attemptId}/answers`, { questionId, answer }, "PUT"),
    submit: (attemptId: string) => sendJson<SubmitAnswer>(`${base}/${attemptId}/submit`, {}),
    open: (attemptId: string) => getJson<AttemptAnswer>(`${base}/${attemptId}`),
  };
}

async function getJson<T>(url: string): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" });
  } catch {
    return { ok: false, error: { status: 0, code: "NETWORK", message: NETWORK_ERROR_MESSAGE, fields: {} } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return {
    ok: false,
    error: {
      status: response.status,
      code: error?.code ?? "UNKNOWN",
      message: error?.message ?? "Something went wrong. Please try again.",
      fields: {},
    },
  };
}

/** Whether an answer says anything: a chosen option, some text, a number. */
export function isAnswered(answer: LearnerAnswer | null | undefined): boolean {
  if (!answer) return false;
  if ("optionId" in answer) return true;
  if ("optionIds" in answer) return answer.optionIds.length > 0;
  if ("text" in answer) return answer.text.trim() !== "";
  return String(answer.value).trim() !== "";
}
