import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { lessons } from "./courses";
import { enrollments } from "./learning";
import { users } from "./users";

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).defaultNow().notNull();

/** When a learner sees the right answers and explanations of a graded attempt. */
export const quizShowAnswers = pgEnum("quiz_show_answers", ["after_submit", "after_pass", "never"]);
export const QUIZ_SHOW_ANSWERS = quizShowAnswers.enumValues;
export type QuizShowAnswers = (typeof QUIZ_SHOW_ANSWERS)[number];

export const quizQuestionType = pgEnum("quiz_question_type", ["single", "multiple", "true_false", "short_text", "numeric"]);
export const QUIZ_QUESTION_TYPES = quizQuestionType.enumValues;
export type QuizQuestionType = (typeof QUIZ_QUESTION_TYPES)[number];

/** The settings of a lesson whose kind is `quiz`: one row per quiz lesson, written with the lesson. */
export const quizzes = pgTable(
  "quizzes",
  {
    lessonId: uuid("lesson_id")
      .primaryKey()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /** Percent of the points needed to pass. */
    passingScore: integer("passing_score").default(70).notNull(),
    /** Null: as many attempts as the learner likes. */
    maxAttempts: integer("max_attempts"),
    /** Null: no time limit. Enforced on the server from the attempt's deadline. */
    timeLimitMinutes: integer("time_limit_minutes"),
    shuffleQuestions: boolean("shuffle_questions").default(false).notNull(),
    shuffleOptions: boolean("shuffle_options").default(false).notNull(),
    showAnswers: quizShowAnswers("show_answers").default("after_submit").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("quizzes_passing_score_range", sql`${t.passingScore} between 0 and 100`),
    check("quizzes_max_attempts_positive", sql`${t.maxAttempts} is null or ${t.maxAttempts} >= 1`),
    check("quizzes_time_limit_positive", sql`${t.timeLimitMinutes} is null or ${t.timeLimitMinutes} >= 1`),
  ],
);
export type Quiz = typeof quizzes.$inferSelect;
export type NewQuiz = typeof quizzes.$inferInsert;

/**
 * An option of a choice question. `true_false` questions have exactly two, with the ids "true" and "false", so that every
 * choice question is graded and analysed the same way.
 */
export type QuizOption = { id: string; text: string; correct: boolean };

export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => quizzes.lessonId, { onDelete: "cascade" }),
    type: quizQuestionType("type").notNull(),
    /** Markdown, rendered sanitized like a lesson's content. */
    prompt: text("prompt").notNull(),
    points: integer("points").default(1).notNull(),
    /** Markdown shown with the grading, as `showAnswers` allows. */
    explanation: text("explanation"),
    /** single, multiple and true_false. */
    options: jsonb("options").$type<QuizOption[]>().default([]).notNull(),
    /** multiple: a share of the points for a partly right choice, instead of all or nothing. */
    partialCredit: boolean("partial_credit").default(false).notNull(),
    /** short_text: compared after trimming, case folding and Unicode normalisation. */
    acceptedAnswers: text("accepted_answers")
      .array()
      .default(sql`'{}'::text[]`)
      .notNull(),
    /** numeric: right when within `tolerance` of `numericAnswer`. */
    numericAnswer: doublePrecision("numeric_answer"),
    tolerance: doublePrecision("tolerance").default(0).notNull(),
    ord: integer("ord").default(0).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("quiz_questions_lesson_id_ord_idx").on(t.lessonId, t.ord),
    check("quiz_questions_points_positive", sql`${t.points} >= 1`),
    check("quiz_questions_tolerance_nonnegative", sql`${t.tolerance} >= 0`),
  ],
);
export type QuizQuestion = typeof quizQuestions.$inferSelect;
export type NewQuizQuestion = typeof quizQuestions.$inferInsert;

/**
 * One try at a quiz by an enrolled learner. Open while `submitted_at` is null (at most one open per quiz and learner);
 * graded once, at submit or when found past its deadline. The attempt keeps its own question and option order.
 */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => quizzes.lessonId, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    /** 1 for the learner's first attempt at this quiz, then 2, 3… */
    number: integer("number").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).defaultNow().notNull(),
    /** started_at + the time limit; null when the quiz has none. */
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    questionOrder: uuid("question_order").array().notNull(),
    /** Per choice question, its option ids in this attempt's order. */
    optionOrder: jsonb("option_order").$type<Record<string, string[]>>().default({}).notNull(),
    /** Set at grading: percent of the points (two decimals), points, and whether it reached the passing score. */
    score: doublePrecision("score"),
    pointsEarned: doublePrecision("points_earned"),
    pointsPossible: integer("points_possible"),
    passed: boolean("passed"),
  },
  (t) => [
    uniqueIndex("quiz_attempts_lesson_enrollment_number_unique").on(t.lessonId, t.enrollmentId, t.number),
    uniqueIndex("quiz_attempts_one_open")
      .on(t.lessonId, t.enrollmentId)
      .where(sql`${t.submittedAt} is null`),
    index("quiz_attempts_enrollment_id_idx").on(t.enrollmentId),
    index("quiz_attempts_lesson_id_submitted_at_idx").on(t.lessonId, t.submittedAt),
  ],
);
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type NewQuizAttempt = typeof quizAttempts.$inferInsert;

/**
 * A learner's answer to one question of an attempt, saved as they go; graded at submit, when every question of the
 * attempt gets a row (an unanswered one with a null answer). The answer's shape follows the question's type:
 * `{ optionId }`, `{ optionIds }`, `{ text }` or `{ value }`.
 */
export const quizAnswers = pgTable(
  "quiz_answers",
  {
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => quizQuestions.id, { onDelete: "cascade" }),
    answer: jsonb("answer").$type<unknown>(),
    correct: boolean("correct"),
    pointsAwarded: doublePrecision("points_awarded"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] }), index("quiz_answers_question_id_idx").on(t.questionId)],
);
export type QuizAnswer = typeof quizAnswers.$inferSelect;
export type NewQuizAnswer = typeof quizAnswers.$inferInsert;

/** Attempts an instructor granted a learner beyond the quiz's `maxAttempts`. */
export const quizExtraAttempts = pgTable(
  "quiz_extra_attempts",
  {
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => quizzes.lessonId, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    extra: integer("extra").default(0).notNull(),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.enrollmentId] }),
    index("quiz_extra_attempts_enrollment_id_idx").on(t.enrollmentId),
    index("quiz_extra_attempts_granted_by_idx").on(t.grantedBy),
  ],
);
export type QuizExtraAttempt = typeof quizExtraAttempts.$inferSelect;
