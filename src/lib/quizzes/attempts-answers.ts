import "server-only";
import { and, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { quizAnswers, quizAttempts, quizQuestions, type QuizQuestion } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { SaveAnswerInput } from "@/lib/validation/quiz";
import { isPastDeadline, ownAttempt, requireActiveQuizTaker } from "./attempts-access";
import { gradeAttemptOnce } from "./attempts-grading";
import type { LearnerAnswer } from "./attempts-view";
import { parseNumber } from "./grade";

const SHAPES: Record<QuizQuestion["type"], string> = {
  single: "choose one option: { optionId }",
  true_false: 'choose "true" or "false": { optionId }',
  multiple: "choose options: { optionIds: [...] }",
  short_text: "type the answer: { text }",
  numeric: "type a number: { value }",
};

const refuse = (field: "questionId" | "answer", message: string) =>
  new AppError("VALIDATION_FAILED", message, { fields: { [field]: message } });

/**
 * The answer as it is stored, once it fits the question: an option of this question (not another's, not a made-up
 * one), options of it without repeats, text, or a number (typed text the grader can read, such as " 3,5 "). An empty
 * answer (no option, blank text) clears it: null.
 */
export function fitAnswer(question: Pick<QuizQuestion, "type" | "options">, answer: SaveAnswerInput["answer"]): LearnerAnswer | null {
  if (answer === null) return null;
  const wrongShape = () => refuse("answer", `This answer does not fit the question: ${SHAPES[question.type]}.`);
  const ids = new Set(question.options.map((o) => o.id));
  const notAnOption = () => refuse("answer", "Choose among this question's options.");
  switch (question.type) {
    case "single":
    case "true_false":
      if (!("optionId" in answer)) throw wrongShape();
      if (!ids.has(answer.optionId)) throw notAnOption();
      return { optionId: answer.optionId };
    case "multiple": {
      if (!("optionIds" in answer)) throw wrongShape();
      if (answer.optionIds.some((id) => !ids.has(id))) throw notAnOption();
      const chosen = [...new Set(answer.optionIds)];
      return chosen.length ? { optionIds: chosen } : null;
    }
    case "short_text":
      if (!("text" in answer)) throw wrongShape();
      return answer.text.trim() ? { text: answer.text } : null;
    case "numeric": {
      if (!("value" in answer)) throw wrongShape();
      if (typeof answer.value === "string" && !answer.value.trim()) return null;
      if (parseNumber(answer.value) === null) throw refuse("answer", "Type a number, such as 12, -4 or 3.5.");
      return { value: answer.value };
    }
  }
}

const submittedAlready = () => new AppError("CONFLICT", "This attempt has been submitted; its answers can no longer change.");
const timeIsUp = () => new AppError("CONFLICT", "Time is up: this attempt was submitted with the answers saved before the deadline.");

/**
 * Saves one answer of an open attempt as the learner goes (a reload or another device finds it). Refused: a question
 * that is not in the attempt, an answer that does not fit its question (400), an attempt already submitted, and one
 * past its deadline (409), which is then graded with what was saved. The attempt row is share-locked while the answer
 * is written, so a submit grades either before the save (refusing it) or after it (counting it).
 */
export async function saveAnswer(viewer: Viewer | null, courseId: string, lessonId: string, attemptId: string, input: SaveAnswerInput) {
  const taker = await requireActiveQuizTaker(viewer, courseId, lessonId);
  const attempt = await ownAttempt(taker, attemptId);
  if (attempt.submittedAt) throw submittedAlready();
  if (isPastDeadline(attempt)) {
    await gradeAttemptOnce(courseId, taker.quiz, attemptId);
    throw timeIsUp();
  }
  if (!attempt.questionOrder.includes(input.questionId)) throw refuse("questionId", "This question is not part of this attempt.");
  const [question] = await db
    .select({ type: quizQuestions.type, options: quizQuestions.options })
    .from(quizQuestions)
    .where(and(eq(quizQuestions.id, input.questionId), eq(quizQuestions.lessonId, lessonId)));
  if (!question) throw refuse("questionId", "This question is no longer part of the quiz.");
  const stored = fitAnswer(question, input.answer);

  const savedAt = new Date();
  const outcome = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ submittedAt: quizAttempts.submittedAt, deadlineAt: quizAttempts.deadlineAt })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, attemptId))
      .for("share");
    if (!locked || locked.submittedAt) return "submitted" as const;
    if (isPastDeadline(locked)) return "expired" as const;
    await tx
      .insert(quizAnswers)
      .values({ attemptId, questionId: input.questionId, answer: stored, updatedAt: savedAt })
      .onConflictDoUpdate({ target: [quizAnswers.attemptId, quizAnswers.questionId], set: { answer: stored, updatedAt: savedAt } });
    return "saved" as const;
  });
  if (outcome === "submitted") throw submittedAlready();
  if (outcome === "expired") {
    await gradeAttemptOnce(courseId, taker.quiz, attemptId);
    throw timeIsUp();
  }
  return { answer: { questionId: input.questionId, answer: stored, savedAt: savedAt.toISOString() } };
}
