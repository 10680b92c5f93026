import { randomBytes } from "node:crypto";
import type { NewQuizQuestion, QuizOption, QuizQuestion } from "@/lib/db/schema";
import type { QuestionInput } from "@/lib/validation/quiz";

/**
 * A question as its author sees and sends it: the shape of questionSchema (src/lib/validation/quiz.ts) with its id, and
 * every option with its id. It carries the answers, so it is for the course's editors only: never send it to a learner.
 */
export type AuthoredQuestion = { id: string } & AuthoredFields;

type Common = { prompt: string; points: number; explanation: string | null };
export type AuthoredFields = Common &
  (
    | { type: "single"; options: QuizOption[] }
    | { type: "multiple"; options: QuizOption[]; partialCredit: boolean }
    | { type: "true_false"; correct: boolean }
    | { type: "short_text"; acceptedAnswers: string[] }
    | { type: "numeric"; answer: number; tolerance: number }
  );

/** True and false are two options with fixed ids, so that they are graded and analysed like any choice. */
export const trueFalseOptions = (correct: boolean): QuizOption[] => [
  { id: "true", text: "True", correct },
  { id: "false", text: "False", correct: !correct },
];

export function authoredFields(row: QuizQuestion): AuthoredFields {
  const common: Common = { prompt: row.prompt, points: row.points, explanation: row.explanation };
  switch (row.type) {
    case "single":
      return { ...common, type: "single", options: row.options };
    case "multiple":
      return { ...common, type: "multiple", options: row.options, partialCredit: row.partialCredit };
    case "true_false":
      return { ...common, type: "true_false", correct: row.options.find((o) => o.id === "true")?.correct ?? true };
    case "short_text":
      return { ...common, type: "short_text", acceptedAnswers: row.acceptedAnswers };
    case "numeric":
      return { ...common, type: "numeric", answer: row.numericAnswer ?? 0, tolerance: row.tolerance };
  }
}

export const authoredQuestion = (row: QuizQuestion): AuthoredQuestion => ({ id: row.id, ...authoredFields(row) });

const newOptionId = () => randomBytes(6).toString("base64url");

/**
 * Every option with an id: its own when it has one; else the id of the option of the same text it had before (an API
 * client that sends options without ids keeps their statistics); else a new one made here.
 */
export function withOptionIds(options: { id?: string; text: string; correct: boolean }[], before: QuizOption[] = []): QuizOption[] {
  const taken = new Set(options.flatMap((o) => (o.id ? [o.id] : [])));
  return options.map((option) => {
    if (option.id) return { id: option.id, text: option.text, correct: option.correct };
    const previous = before.find((b) => b.text === option.text && !taken.has(b.id));
    let id = previous?.id ?? newOptionId();
    while (!previous && taken.has(id)) id = newOptionId();
    taken.add(id);
    return { id, text: option.text, correct: option.correct };
  });
}

/** The columns a checked question writes; every column is set, so that a change of type leaves nothing of the old one. */
export function questionColumns(
  input: QuestionInput,
  before: QuizOption[] = [],
): Omit<NewQuizQuestion, "id" | "lessonId" | "ord" | "createdAt" | "updatedAt"> {
  const columns = {
    type: input.type,
    prompt: input.prompt,
    points: input.points,
    explanation: input.explanation ?? null,
    options: [] as QuizOption[],
    partialCredit: false,
    acceptedAnswers: [] as string[],
    numericAnswer: null as number | null,
    tolerance: 0,
  };
  switch (input.type) {
    case "single":
      return { ...columns, options: withOptionIds(input.options, before) };
    case "multiple":
      return { ...columns, options: withOptionIds(input.options, before), partialCredit: input.partialCredit };
    case "true_false":
      return { ...columns, options: trueFalseOptions(input.correct) };
    case "short_text":
      return { ...columns, acceptedAnswers: input.acceptedAnswers };
    case "numeric":
      return { ...columns, numericAnswer: input.answer, tolerance: input.tolerance };
  }
}
