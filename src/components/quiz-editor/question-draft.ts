import { questionSchema, type QuestionType } from "@/lib/validation/quiz";

/**
 * The quiz editor's questions and the form's draft of one. Pure, so that the form's rules are tested without a browser.
 * A question on screen may have options without ids (new ones, until the server's answer comes back with the page).
 */

export type EditorOption = { id?: string; text: string; correct: boolean };
type Common = { prompt: string; points: number; explanation: string | null };
export type QuestionFields = Common &
  (
    | { type: "single"; options: EditorOption[] }
    | { type: "multiple"; options: EditorOption[]; partialCredit: boolean }
    | { type: "true_false"; correct: boolean }
    | { type: "short_text"; acceptedAnswers: string[] }
    | { type: "numeric"; answer: number; tolerance: number }
  );
export type EditorQuestion = { id: string } & QuestionFields;

export const TYPE_LABELS: Record<QuestionType, string> = {
  single: "Single choice",
  multiple: "Multiple choice",
  true_false: "True or false",
  short_text: "Short answer",
  numeric: "Number",
};

export const TYPE_HINTS: Record<QuestionType, string> = {
  single: "One right option among several.",
  multiple: "Several right options; all or nothing, or partial credit.",
  true_false: "A statement the learner marks true or false.",
  short_text: "A word or phrase; letter case and extra spaces do not matter.",
  numeric: "A number, right within a tolerance.",
};

/** The form's state: text as typed, and every type's fields, so that switching the type keeps what was written. */
export type Draft = {
  type: QuestionType;
  prompt: string;
  points: string;
  explanation: string;
  options: (EditorOption & { key: string })[];
  partialCredit: boolean;
  correct: boolean;
  acceptedAnswers: { key: string; text: string }[];
  answer: string;
  tolerance: string;
};

let keys = 0;
/** A key for a list row of the form (React's key), unrelated to option ids. */
export const rowKey = () => `row-${++keys}`;

export function draftOf(question: QuestionFields | null, type: QuestionType = question?.type ?? "single"): Draft {
  const draft: Draft = {
    type,
    prompt: question?.prompt ?? "",
    points: String(question?.points ?? 1),
    explanation: question?.explanation ?? "",
    options: [
      { key: rowKey(), text: "", correct: true },
      { key: rowKey(), text: "", correct: false },
    ],
    partialCredit: false,
    correct: true,
    acceptedAnswers: [{ key: rowKey(), text: "" }],
    answer: "",
    tolerance: "0",
  };
  if (!question) return draft;
  switch (question.type) {
    case "single":
    case "multiple":
      draft.options = question.options.map((o) => ({ ...o, key: rowKey() }));
      if (question.type === "multiple") draft.partialCredit = question.partialCredit;
      break;
    case "true_false":
      draft.correct = question.correct;
      break;
    case "short_text":
      draft.acceptedAnswers = question.acceptedAnswers.map((text) => ({ key: rowKey(), text }));
      break;
    case "numeric":
      draft.answer = String(question.answer);
      draft.tolerance = String(question.tolerance);
      break;
  }
  return draft;
}

/** A number as typed in the form: a decimal comma is a point; empty is "not given" (the schema names it). */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? undefined : Number(trimmed);
}

/** The request body the draft makes (POST or PATCH …/questions), before it is checked. */
export function bodyOf(draft: Draft): Record<string, unknown> {
  const common = { type: draft.type, prompt: draft.prompt, points: numberOf(draft.points), explanation: draft.explanation };
  const options = draft.options.map(({ id, text, correct }) => (id ? { id, text, correct } : { text, correct }));
  switch (draft.type) {
    case "single":
      return { ...common, options };
    case "multiple":
      return { ...common, options, partialCredit: draft.partialCredit };
    case "true_false":
      return { ...common, correct: draft.correct };
    case "short_text":
      return { ...common, acceptedAnswers: draft.acceptedAnswers.map((a) => a.text) };
    case "numeric":
      return { ...common, answer: numberOf(draft.answer), tolerance: numberOf(draft.tolerance) ?? 0 };
  }
}

export type DraftCheck = { ok: true; fields: QuestionFields } | { ok: false; errors: Record<string, string> };

/** The draft checked with the server's schema; errors are keyed by field path ("options", "options.1.text", "answer"). */
export function checkDraft(draft: Draft): DraftCheck {
  const parsed = questionSchema.safeParse(bodyOf(draft));
  if (parsed.success) return { ok: true, fields: { ...parsed.data, explanation: parsed.data.explanation ?? null } };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join(".") || "body"] ??= issue.message;
  return { ok: false, errors };
}

/** The question as a body again (Undo, Duplicate): options keep their ids unless `freshOptions` (a copy gets new ones). */
export function bodyOfQuestion(question: EditorQuestion, { freshOptions = false } = {}): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...question };
  delete fields.id;
  if ("options" in question && freshOptions) fields.options = question.options.map(({ text, correct }) => ({ text, correct }));
  return fields;
}

/** A choice question nobody could answer right. */
export const lacksCorrectOption = (q: QuestionFields) =>
  (q.type === "single" || q.type === "multiple") && !q.options.some((o) => o.correct);

/** The prompt's first line as plain text, for the list. */
export function excerpt(prompt: string, max = 120): string {
  const line =
    prompt
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.replace(/[#*_`>[\]]/g, "")
      .replace(/\((https?:[^)]*)\)/g, "")
      .trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export const pointsLabel = (n: number) => (n === 1 ? "1 point" : `${n} points`);
