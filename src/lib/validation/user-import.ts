import { z } from "zod";
import { emailSchema } from "./auth";
import { oneLine } from "./text";

/**
 * Bulk import of users (/admin/users/import, POST /api/admin/users/import). The browser reads the CSV (papaparse) and
 * sends its rows in batches; each row is checked on its own, so one bad row is reported and the others still go in.
 */

/** The CSV's columns, in the order the template has them; the header row names them (any case, any order). */
export const IMPORT_COLUMNS = ["name", "email", "role", "cohort", "courses"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Rows one request carries: one transaction each, so an import of 10,000 never holds one for all of them. */
export const IMPORT_BATCH_SIZE = 250;
/** Rows one file may hold. */
export const MAX_IMPORT_ROWS = 20_000;

/** What one cell holds, as text: a missing cell is "". */
const cell = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .refine(...oneLine(label))
    .trim()
    .max(max, `${label}: use at most ${max} characters.`)
    .optional()
    .default("");

/** A row as sent: the line of the file it came from (for the report) and its cells. */
export const importRowInputSchema = z.object({
  line: z.number({ error: "line must be the row's line number." }).int().min(1).max(1_000_000),
  name: cell("The name", 120),
  // Checked as an address row by row (a bad one is reported, not refused); a control character is refused with the batch.
  email: z
    .string({ error: "The e-mail address must be text." })
    .refine(...oneLine("The e-mail address"))
    .max(2_000, "That e-mail address is too long."),
  role: cell("The role", 20),
  cohort: cell("The cohort", 128),
  courses: cell("The courses", 2_000),
});
export type ImportRowInput = z.infer<typeof importRowInputSchema>;

export const importRequestSchema = z.object({
  rows: z
    .array(importRowInputSchema, { error: "Send rows as a list." })
    .min(1, "Send at least one row.")
    .max(IMPORT_BATCH_SIZE, `Send at most ${IMPORT_BATCH_SIZE} rows at a time.`),
  /** true: check every row and say what would happen, writing nothing. */
  dryRun: z.boolean({ error: "dryRun must be true or false." }).optional().default(false),
  /** true: mail each new account an invitation to set a password. */
  invite: z.boolean({ error: "invite must be true or false." }).optional().default(true),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** A row's cells once checked: the role as stored, the course references split on ";" or "|". */
export const importRowSchema = z.object({
  name: z.string(),
  email: emailSchema,
  role: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(
      z.enum(["", "learner", "instructor"], {
        error: "The role is learner or instructor (or empty for learner); admins are invited from Invitations.",
      }),
    )
    .transform((v) => (v === "" ? null : v === "instructor" ? ("INSTRUCTOR" as const) : ("LEARNER" as const))),
  cohort: z.string(),
  courses: z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(/[;|]/)
          .map((s) => s.trim())
          .filter((s) => s !== ""),
      ),
    ])
    .pipe(z.array(z.string().max(200, "A course reference: use at most 200 characters.")).max(20, "List at most 20 courses in a row.")),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** What happened to a row (or, in a dry run, what would). */
export type ImportOutcome = "created" | "updated" | "unchanged" | "skipped";
export type ImportRowResult = {
  line: number;
  email: string;
  outcome: ImportOutcome;
  /** What was (or would be) done: "account created", "joined cohort Class A", "enrolled in Intro to X"… */
  changes: string[];
  /** Why a row was skipped. */
  reason: string | null;
};
