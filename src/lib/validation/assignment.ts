import { z } from "zod";
import { ACCEPTED_TYPES } from "./file-types";
import { blankToUndefined, multiLine } from "./text";
import { id } from "./ids";

/**
 * Assignments: the settings an instructor gives, what a learner hands in, and the grade. Shared by the assignment
 * editor, the player, the grading view and the API; the rules that need the database are in src/lib/assignments.
 */

import {
  FEEDBACK_MAX_LENGTH,
  INSTRUCTIONS_MAX_LENGTH,
  MAX_FILE_BYTES_LIMIT,
  MAX_FILES_LIMIT,
  MAX_POINTS_LIMIT,
  SUBMISSION_TEXT_MAX_LENGTH,
} from "./assignment-limits";

export * from "./assignment-limits";

/** The declared MIME types an assignment can accept: the material whitelist. */
export const SUBMISSION_TYPES = Object.keys(ACCEPTED_TYPES.material);

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const bool = (name: string) => z.boolean({ error: `${name} must be true or false.` });

export const assignmentSettingsFieldsSchema = z.object({
  instructions: z
    .string({ error: "The instructions are text." })
    .refine(...multiLine("The instructions"))
    .max(INSTRUCTIONS_MAX_LENGTH, `The instructions can be at most ${INSTRUCTIONS_MAX_LENGTH} characters.`),
  /** An ISO date-time with its offset (the browser sends the instructor's local time as UTC); null: no due date. */
  dueAt: z.iso.datetime({ offset: true, error: "The due date is a date and time, such as 2026-12-31T23:59:00Z." }).nullable(),
  maxPoints: wholeNumber("The maximum points", 1, MAX_POINTS_LIMIT),
  passingPoints: wholeNumber("The passing points", 0, MAX_POINTS_LIMIT),
  acceptText: bool("acceptText"),
  acceptFiles: bool("acceptFiles"),
  acceptedTypes: z
    .array(z.enum(SUBMISSION_TYPES as [string, ...string[]], { error: "A file type must be one a material may have." }), {
      error: "acceptedTypes is a list of file types.",
    })
    .max(SUBMISSION_TYPES.length, "Too many file types."),
  maxFiles: wholeNumber("The number of files", 1, MAX_FILES_LIMIT),
  maxFileBytes: wholeNumber("The file size limit", 1, MAX_FILE_BYTES_LIMIT),
  allowLate: bool("allowLate"),
});
export type AssignmentSettings = z.infer<typeof assignmentSettingsFieldsSchema>;

/** The rules between settings, checked on the settings as they will be stored (a PATCH merged into the stored ones). */
export const assignmentSettingsSchema = assignmentSettingsFieldsSchema
  .refine((s) => s.passingPoints <= s.maxPoints, {
    error: "The passing points cannot be more than the maximum points.",
    path: ["passingPoints"],
  })
  .refine((s) => s.acceptText || s.acceptFiles, {
    error: "Accept a text answer, files, or both.",
    path: ["acceptFiles"],
  });

export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettings = {
  instructions: "",
  dueAt: null,
  maxPoints: 100,
  passingPoints: 50,
  acceptText: true,
  acceptFiles: true,
  acceptedTypes: [],
  maxFiles: 3,
  maxFileBytes: 50 * 1024 ** 2,
  allowLate: false,
};

/** PATCH …/lessons/[lessonId]/assignment: any of the settings. */
export const updateAssignmentSettingsSchema = assignmentSettingsFieldsSchema
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Send at least one setting to change." });
export type UpdateAssignmentSettingsInput = z.infer<typeof updateAssignmentSettingsSchema>;

/** POST …/submission: a text answer, files (completed submission uploads), or both. */
export const submitAssignmentSchema = z
  .object({
    text: z.preprocess(
      blankToUndefined,
      z
        .string({ error: "The answer is text." })
        .refine(...multiLine("The answer"))
        .max(SUBMISSION_TEXT_MAX_LENGTH, `The answer can be at most ${SUBMISSION_TEXT_MAX_LENGTH} characters.`)
        .optional(),
    ),
    uploadIds: z
      .array(id, { error: "uploadIds is a list of upload ids." })
      .max(MAX_FILES_LIMIT, `At most ${MAX_FILES_LIMIT} files.`)
      .refine((ids) => new Set(ids).size === ids.length, "The same file is listed twice.")
      .default([]),
  })
  .strict()
  .refine((v) => v.text !== undefined || v.uploadIds.length > 0, { error: "Write an answer or add a file." });
export type SubmitAssignmentInput = z.infer<typeof submitAssignmentSchema>;

/** POST …/submissions/[submissionId]/grade. */
export const gradeSubmissionSchema = z
  .object({
    points: wholeNumber("The points", 0, MAX_POINTS_LIMIT),
    feedback: z
      .string({ error: "The feedback is text." })
      .refine(...multiLine("The feedback"))
      .max(FEEDBACK_MAX_LENGTH, `The feedback can be at most ${FEEDBACK_MAX_LENGTH} characters.`)
      .default(""),
    returnForRevision: bool("returnForRevision").default(false),
  })
  .strict();
export type GradeSubmissionInput = z.infer<typeof gradeSubmissionSchema>;

export const SUBMISSION_FILTERS = ["submitted", "late", "graded", "returned"] as const;

/** GET /api/instructor/submissions: the grading queue's filters. */
export const submissionQueueQuerySchema = z.object({
  courseId: z.preprocess(blankToUndefined, id.optional()),
  lessonId: z.preprocess(blankToUndefined, id.optional()),
  status: z.preprocess(
    blankToUndefined,
    z.enum(SUBMISSION_FILTERS, { error: "status is submitted, late, graded or returned." }).optional(),
  ),
});
export type SubmissionQueueQuery = z.infer<typeof submissionQueueQuerySchema>;

export const submissionParams = z.object({ courseId: id, submissionId: id });
