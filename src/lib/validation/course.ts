import { z } from "zod";
import { id } from "./ids";
import { multiLine, oneLine } from "./text";

/** Shared by the course editor forms and the instructor API. */

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;

const title = z
  .string({ error: "Enter a title." })
  .refine(...oneLine("The title"))
  .trim()
  .min(1, "Enter a title.")
  .max(512, "Use at most 512 characters.");

/** Optional text; empty means "none" (null), absent means "unchanged". */
const optionalText = (max: number, label: string, lines: "one" | "many") =>
  z
    .string()
    .refine(...(lines === "one" ? oneLine(label) : multiLine(label)))
    .trim()
    .max(max, `${label}: use at most ${max.toLocaleString("en")} characters.`)
    .transform((v) => v.replace(/\r\n?/g, "\n") || null)
    .nullable()
    .optional();

export const MAX_OUTCOMES = 12;
export const OUTCOME_MAX_LENGTH = 200;

/** "What you will learn": one line each; blank lines are dropped. */
const outcomes = z
  .array(
    z
      .string({ error: "Write each point as text." })
      .refine(...oneLine("A point"))
      .trim()
      .max(OUTCOME_MAX_LENGTH, `Keep each point under ${OUTCOME_MAX_LENGTH} characters.`),
    { error: "Send the points as a list." },
  )
  .max(MAX_OUTCOMES, `List at most ${MAX_OUTCOMES} points.`)
  .transform((list) => list.filter((line) => line !== ""));

export const courseFieldsSchema = z.object({
  title,
  description: optionalText(20_000, "Description", "many"),
  outcomes: outcomes.optional(),
  category: optionalText(128, "Category", "one"),
  difficulty: z.enum(DIFFICULTIES, { error: "Choose beginner, intermediate or advanced." }).nullable().optional(),
  estimatedDuration: z
    .number({ error: "Give the duration in minutes." })
    .int("Give whole minutes.")
    .min(0, "The duration cannot be negative.")
    .max(100_000, "That duration is too long.")
    .nullable()
    .optional(),
  /** False: learners cannot enroll themselves; staff, cohorts and invitations enroll them. */
  selfEnrollment: z.boolean({ error: "selfEnrollment must be true or false." }).optional(),
  /** True: completing the course issues a certificate (and turning it on issues them to those who completed it). */
  certificateEnabled: z.boolean({ error: "certificateEnabled must be true or false." }).optional(),
  /** A line printed on the certificate, e.g. "12 hours of guided practice"; empty or null for none. */
  certificateLine: optionalText(200, "The certificate line", "one"),
});

export const createCourseSchema = courseFieldsSchema;
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

export const updateCourseSchema = courseFieldsSchema
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Send at least one field to change." });
export type UpdateCourseInput = z.infer<typeof updateCourseSchema>;

export const publishSchema = z.object({ published: z.boolean({ error: "published must be true or false." }) });

export const moduleSchema = z.object({ title });
export type ModuleInput = z.infer<typeof moduleSchema>;

export const lessonFieldsSchema = z.object({
  title,
  content: optionalText(200_000, "Content", "many"),
  durationMinutes: z
    .number({ error: "Give the duration in minutes." })
    .int("Give whole minutes.")
    .min(0, "The duration cannot be negative.")
    .max(10_000, "That duration is too long.")
    .nullable()
    .optional(),
});
/** What a lesson is (src/lib/db/schema/courses.ts). */
export const LESSON_KINDS = ["lesson", "quiz", "assignment"] as const;
export type LessonKindInput = (typeof LESSON_KINDS)[number];

const lessonKind = z.enum(LESSON_KINDS, { error: "kind is lesson, quiz or assignment." }).default("lesson");

/**
 * A new lesson: `kind` is "lesson" (text, video, materials; the default), "quiz" or "assignment" (each of which gets its
 * settings row).
 */
export const createLessonSchema = lessonFieldsSchema.extend({ kind: lessonKind });
/** `kind` may be left out by callers in the lib layer too (scripts, tests): a lesson. */
export type CreateLessonInput = Omit<z.infer<typeof createLessonSchema>, "kind"> & { kind?: z.infer<typeof createLessonSchema>["kind"] };
/**
 * A lesson's kind is set when it is created: a quiz turned into a lesson would drop its questions and its learners'
 * attempts, and a lesson turned into a quiz would hide its video. Make a new lesson of the other kind instead.
 */
export const updateLessonSchema = lessonFieldsSchema
  .extend({
    kind: z.undefined({ error: "A lesson's kind cannot change: add a new one of the other kind and delete this one." }).optional(),
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Send at least one field to change." });
export type UpdateLessonInput = z.infer<typeof updateLessonSchema>;

/** The full new order of a course's modules. */
export const reorderModulesSchema = z.object({ moduleIds: z.array(id).min(1).max(1000) });

/** Moves a lesson to a position in a module (the same one or another of the course). */
export const moveLessonSchema = z.object({
  moduleId: id,
  position: z.number().int("Position must be a whole number.").min(0, "Position starts at 0.").max(10_000),
});
