import { markdownToHtml, optionalMarkdownToHtml, type SanitizedHtml } from "@/lib/content/markdown-html";
import type { QuizAttempt, QuizOption, QuizQuestion, QuizQuestionType, QuizShowAnswers } from "@/lib/db/schema";

/**
 * What a learner may see of a quiz, its attempts and their grading, built from an explicit allow-list: every field sent
 * is copied here by name, so a column added to the questions (or a right answer) never reaches the learner by accident.
 * Until an attempt is graded nothing here tells a right answer: options have an id and a text, questions a prompt and
 * points. After grading, the right answers and explanations are added only as the quiz's `showAnswers` allows.
 */

export type LearnerOption = { id: string; text: string };

export type LearnerQuestion = {
  id: string;
  /** 1, 2, 3… in this attempt's order. */
  number: number;
  type: QuizQuestionType;
  /** Markdown, rendered sanitized. */
  prompt: string;
  /** The prompt rendered to sanitized HTML on the server (markdownToHtml): the player ships no markdown parser. */
  promptHtml: SanitizedHtml;
  points: number;
  /** Choice questions' options in this attempt's order; empty for short_text and numeric. */
  options: LearnerOption[];
};

/** A saved answer as the learner gave it (src/lib/validation/quiz.ts, answerValueSchema). */
export type LearnerAnswer = { optionId: string } | { optionIds: string[] } | { text: string } | { value: number | string };

export type AttemptSummary = {
  id: string;
  number: number;
  status: "open" | "submitted";
  startedAt: string;
  /** When the time is up (null: no time limit). */
  deadlineAt: string | null;
  submittedAt: string | null;
  /** Graded after its deadline (with the answers saved before it). */
  timedOut: boolean;
  score: number | null;
  pointsEarned: number | null;
  pointsPossible: number | null;
  passed: boolean | null;
};

/** How one question went: no right answer in it unless `solution` is there. */
export type QuestionFeedback = {
  questionId: string;
  outcome: "right" | "partly" | "wrong" | "unanswered";
  pointsAwarded: number;
  points: number;
  /** Only when the quiz shows answers (after_submit, or after_pass once passed). */
  solution?: { optionIds: string[] } | { acceptedAnswers: string[] } | { answer: number | null; tolerance: number };
  explanation?: string | null;
  /** The explanation rendered to sanitized HTML on the server, with it. */
  explanationHtml?: SanitizedHtml | null;
};

export type LearnerAttempt = AttemptSummary & {
  questions: LearnerQuestion[];
  /** The learner's saved answers by question id. */
  answers: Record<string, LearnerAnswer>;
  /** The server's clock when this was sent, for a countdown that does not trust the device's clock. */
  now: string;
  /** Present once graded. */
  result: { feedback: QuestionFeedback[]; answersShown: boolean; passingScore: number } | null;
};

/** The quiz as its intro shows it. */
export type QuizStatus = {
  lessonId: string;
  passingScore: number;
  timeLimitMinutes: number | null;
  showAnswers: QuizShowAnswers;
  questionCount: number;
  totalPoints: number;
  /** maxAttempts plus any granted to this learner; null: unlimited. */
  attemptsAllowed: number | null;
  attemptsUsed: number;
  attemptsLeft: number | null;
  passed: boolean;
  bestScore: number | null;
  openAttemptId: string | null;
};

type QuestionRow = Pick<QuizQuestion, "id" | "type" | "prompt" | "points" | "options">;

function optionsInOrder(options: QuizOption[], order: string[] | undefined): LearnerOption[] {
  const byId = new Map(options.map((o) => [o.id, o]));
  const ordered = (order ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  // An option the instructor added after the attempt began goes last; a removed one is gone.
  const rest = options.filter((o) => !order?.includes(o.id));
  return [...ordered, ...rest].map((o) => ({ id: o.id, text: o.text }));
}

/** The attempt's questions in its order, without anything that tells the answers; a question deleted since is left out. */
export function learnerQuestions(attempt: Pick<QuizAttempt, "questionOrder" | "optionOrder">, rows: QuestionRow[]): LearnerQuestion[] {
  const byId = new Map(rows.map((q) => [q.id, q]));
  return attempt.questionOrder
    .flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
    .map((q, index) => ({
      id: q.id,
      number: index + 1,
      type: q.type,
      prompt: q.prompt,
      promptHtml: markdownToHtml(q.prompt),
      points: q.points,
      options: q.type === "short_text" || q.type === "numeric" ? [] : optionsInOrder(q.options, attempt.optionOrder[q.id]),
    }));
}

/** Only the keys of a valid answer, whatever else the stored value holds. */
export function learnerAnswer(value: unknown): LearnerAnswer | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.optionId === "string") return { optionId: v.optionId };
  if (Array.isArray(v.optionIds)) return { optionIds: v.optionIds.filter((x): x is string => typeof x === "string") };
  if (typeof v.text === "string") return { text: v.text };
  if (typeof v.value === "number" || typeof v.value === "string") return { value: v.value };
  return null;
}

export function attemptSummary(
  row: Pick<
    QuizAttempt,
    "id" | "number" | "startedAt" | "deadlineAt" | "submittedAt" | "score" | "pointsEarned" | "pointsPossible" | "passed"
  >,
): AttemptSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.submittedAt ? "submitted" : "open",
    startedAt: row.startedAt.toISOString(),
    deadlineAt: row.deadlineAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    timedOut: row.submittedAt !== null && row.deadlineAt !== null && row.submittedAt > row.deadlineAt,
    score: row.score,
    pointsEarned: row.pointsEarned,
    pointsPossible: row.pointsPossible,
    passed: row.passed,
  };
}

/** Whether a graded attempt may show right answers and explanations. */
export function answersShown(showAnswers: QuizShowAnswers, quizPassed: boolean): boolean {
  return showAnswers === "after_submit" || (showAnswers === "after_pass" && quizPassed);
}

type GradedRow = { questionId: string; answer: unknown; correct: boolean | null; pointsAwarded: number | null };

/**
 * Per question of a graded attempt: right, partly right, wrong or unanswered, and the points. The right answer and the
 * explanation only when `shown`.
 */
export function feedbackOf(
  questions: (QuestionRow & Pick<QuizQuestion, "explanation" | "acceptedAnswers" | "numericAnswer" | "tolerance">)[],
  graded: GradedRow[],
  shown: boolean,
): QuestionFeedback[] {
  const byQuestion = new Map(graded.map((g) => [g.questionId, g]));
  return questions.map((q) => {
    const g = byQuestion.get(q.id);
    const pointsAwarded = g?.pointsAwarded ?? 0;
    const outcome: QuestionFeedback["outcome"] =
      g?.correct === true ? "right" : pointsAwarded > 0 ? "partly" : learnerAnswer(g?.answer) === null ? "unanswered" : "wrong";
    const feedback: QuestionFeedback = { questionId: q.id, outcome, pointsAwarded, points: q.points };
    if (!shown) return feedback;
    feedback.solution =
      q.type === "short_text"
        ? { acceptedAnswers: [...q.acceptedAnswers] }
        : q.type === "numeric"
          ? { answer: q.numericAnswer, tolerance: q.tolerance }
          : { optionIds: q.options.filter((o) => o.correct).map((o) => o.id) };
    feedback.explanation = q.explanation;
    feedback.explanationHtml = optionalMarkdownToHtml(q.explanation);
    return feedback;
  });
}
