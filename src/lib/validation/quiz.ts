import { z } from "zod";
import { id } from "./ids";
import { multiLine, oneLine } from "./text";

/**
 * Quizzes: the settings, the questions an instructor writes and the answers a learner gives. Shared by the quiz editor,
 * the player and the API; the grading rules are in src/lib/quizzes/grade.ts.
 */

export const SHOW_ANSWERS = ["after_submit", "after_pass", "never"] as const;
export const QUESTION_TYPES = ["single", "multiple", "true_false", "short_text", "numeric"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const MAX_QUESTIONS = 200;
export const MAX_OPTIONS = 20;
export const MAX_ACCEPTED_ANSWERS = 20;
export const PROMPT_MAX_LENGTH = 20_000;
export const ANSWER_TEXT_MAX_LENGTH = 500;

// --- settings ---------------------------------------------------------------------------------------------------------

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

export const quizSettingsFieldsSchema = z.object({
  passingScore: wholeNumber("The passing score", 0, 100),
  maxAttempts: wholeNumber("The number of attempts", 1, 100).nullable(),
  timeLimitMinutes: wholeNumber("The time limit", 1, 24 * 60).nullable(),
  shuffleQuestions: z.boolean({ error: "shuffleQuestions must be true or false." }),
  shuffleOptions: z.boolean({ error: "shuffleOptions must be true or false." }),
  showAnswers: z.enum(SHOW_ANSWERS, { error: "showAnswers is after_submit, after_pass or never." }),
});
export type QuizSettings = z.infer<typeof quizSettingsFieldsSchema>;
export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  passingScore: 70,
  maxAttempts: null,
  timeLimitMinutes: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  showAnswers: "after_submit",
};

/** PATCH …/lessons/[lessonId]/quiz: any of the settings. */
export const updateQuizSettingsSchema = quizSettingsFieldsSchema
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Send at least one setting to change." });
export type UpdateQuizSettingsInput = z.infer<typeof updateQuizSettingsSchema>;

// --- questions --------------------------------------------------------------------------------------------------------

/** An option id: made by the server when a new option has none; kept across edits so that statistics follow it. */
export const optionId = z
  .string({ error: "An option id is text." })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "An option id is 1 to 64 letters, digits, - or _.");

const prompt = z
  .string({ error: "Write the question." })
  .refine(...multiLine("The question"))
  .trim()
  .min(1, "Write the question.")
  .max(PROMPT_MAX_LENGTH, `Keep the question under ${PROMPT_MAX_LENGTH.toLocaleString("en")} characters.`)
  .transform((v) => v.replace(/\r\n?/g, "\n"));

const explanation = z
  .string({ error: "The explanation is text." })
  .refine(...multiLine("The explanation"))
  .trim()
  .max(PROMPT_MAX_LENGTH, `Keep the explanation under ${PROMPT_MAX_LENGTH.toLocaleString("en")} characters.`)
  .transform((v) => v.replace(/\r\n?/g, "\n") || null)
  .nullable();

const optionText = z
  .string({ error: "Write the option." })
  .refine(...oneLine("An option"))
  .trim()
  .min(1, "An option cannot be empty.")
  .max(1_000, "Keep each option under 1,000 characters.");

const option = z.object({
  id: optionId.optional(),
  text: optionText,
  correct: z.boolean({ error: "Say whether the option is correct (true or false)." }),
});

const options = z
  .array(option, { error: "Send the options as a list." })
  .min(2, "Give at least two options.")
  .max(MAX_OPTIONS, `Give at most ${MAX_OPTIONS} options.`)
  .refine((list) => new Set(list.flatMap((o) => (o.id ? [o.id] : []))).size === list.filter((o) => o.id).length, {
    error: "Two options have the same id.",
  });

const common = {
  prompt,
  points: wholeNumber("Points", 1, 1_000).default(1),
  explanation: explanation.optional(),
};

const acceptedAnswer = z
  .string({ error: "Write each accepted answer as text." })
  .refine(...oneLine("An accepted answer"))
  .trim()
  .min(1, "An accepted answer cannot be empty.")
  .max(ANSWER_TEXT_MAX_LENGTH, `Keep each accepted answer under ${ANSWER_TEXT_MAX_LENGTH} characters.`);

const finite = (label: string) =>
  z.number({ error: `${label} must be a number.` }).refine(Number.isFinite, { error: `${label} must be a finite number.` });

/**
 * A whole question as the instructor defines it. A choice question may be saved without a correct option while it is
 * being written; publishing refuses it (src/lib/quizzes). A single-choice question has at most one correct option.
 */
export const questionSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("single"),
      ...common,
      options: options.refine((list) => list.filter((o) => o.correct).length <= 1, {
        error: "A single-choice question has one correct option; make it a multiple-choice question for more.",
      }),
    }),
    z.object({ type: z.literal("multiple"), ...common, options, partialCredit: z.boolean().default(false) }),
    z.object({ type: z.literal("true_false"), ...common, correct: z.boolean({ error: "Say whether the statement is true." }) }),
    z.object({
      type: z.literal("short_text"),
      ...common,
      acceptedAnswers: z
        .array(acceptedAnswer, { error: "Send the accepted answers as a list." })
        .min(1, "Give at least one accepted answer.")
        .max(MAX_ACCEPTED_ANSWERS, `Give at most ${MAX_ACCEPTED_ANSWERS} accepted answers.`),
    }),
    z.object({
      type: z.literal("numeric"),
      ...common,
      answer: finite("The answer"),
      tolerance: finite("The tolerance")
        .refine((v) => v >= 0, { error: "The tolerance cannot be negative." })
        .default(0),
    }),
  ],
  { error: "type is single, multiple, true_false, short_text or numeric." },
);
export type QuestionInput = z.infer<typeof questionSchema>;

/** POST …/questions: a question, and where it goes (0 is first; the end when left out). */
export const createQuestionSchema = questionSchema.and(
  z.object({
    position: z
      .number({ error: "position must be a number." })
      .int("position must be a whole number.")
      .min(0, "position starts at 0.")
      .max(MAX_QUESTIONS, `position is at most ${MAX_QUESTIONS}.`)
      .optional(),
  }),
);
export type CreateQuestionInput = z.infer<typeof createQuestionSchema>;

/**
 * PATCH …/questions/[questionId]: the fields to change. The server merges them into the stored question and checks the
 * result with questionSchema, so a change of type must bring what the new type needs.
 */
export const updateQuestionSchema = z
  .object({
    type: z.enum(QUESTION_TYPES, { error: "type is single, multiple, true_false, short_text or numeric." }),
    prompt,
    points: wholeNumber("Points", 1, 1_000),
    explanation,
    options,
    partialCredit: z.boolean({ error: "partialCredit must be true or false." }),
    correct: z.boolean({ error: "correct must be true or false." }),
    acceptedAnswers: z
      .array(acceptedAnswer, { error: "Send the accepted answers as a list." })
      .min(1, "Give at least one accepted answer.")
      .max(MAX_ACCEPTED_ANSWERS),
    answer: finite("The answer"),
    tolerance: finite("The tolerance").refine((v) => v >= 0, { error: "The tolerance cannot be negative." }),
  })
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Send at least one field to change." });
export type UpdateQuestionInput = z.infer<typeof updateQuestionSchema>;

/** POST …/questions/reorder: every question of the quiz, in the new order. */
export const reorderQuestionsSchema = z.object({
  order: z
    .array(id, { error: "Send the question ids as a list." })
    .min(1, "Send the question ids in their new order.")
    .max(MAX_QUESTIONS)
    .refine((ids) => new Set(ids).size === ids.length, { error: "A question is listed twice." }),
});

// --- answers ----------------------------------------------------------------------------------------------------------

/**
 * A learner's answer to one question, by the question's type: `{ optionId }` (single, true_false: "true" or "false"),
 * `{ optionIds }` (multiple), `{ text }` (short_text) or `{ value }` (numeric: a number, or text such as " 3,5 " that the
 * grader reads). null clears the answer.
 */
export const answerValueSchema = z
  .union(
    [
      z.object({ optionId }).strict(),
      z.object({ optionIds: z.array(optionId).max(MAX_OPTIONS, "Too many options chosen.") }).strict(),
      z
        .object({
          text: z
            .string()
            .refine(...oneLine("The answer"))
            .max(ANSWER_TEXT_MAX_LENGTH, `Keep the answer under ${ANSWER_TEXT_MAX_LENGTH} characters.`),
        })
        .strict(),
      z
        .object({
          value: z.union([
            finite("The answer"),
            z
              .string()
              .refine(...oneLine("The answer"))
              .max(100, "Keep the answer under 100 characters."),
          ]),
        })
        .strict(),
    ],
    { error: "answer is { optionId }, { optionIds }, { text }, { value } or null." },
  )
  .nullable();
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** PUT …/attempts/[attemptId]/answers */
export const saveAnswerSchema = z.object({ questionId: id, answer: answerValueSchema });
export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;

/** POST …/quizzes/[lessonId]/extra-attempts: one more attempt for a learner. */
export const grantAttemptSchema = z.object({
  learnerId: z.string({ error: "Name the learner." }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid learner id."),
});

export const quizResultsQuerySchema = z.object({
  format: z.enum(["json", "csv"], { error: "format is json or csv." }).default("json"),
});

export const questionParams = z.object({ courseId: id, moduleId: id, lessonId: id, questionId: id });
export const attemptParams = z.object({ courseId: id, lessonId: id, attemptId: id });
export const quizResultsParams = z.object({ courseId: id, lessonId: id });
