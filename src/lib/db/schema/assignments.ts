import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { lessons } from "./courses";
import { enrollments } from "./learning";
import { users } from "./users";

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).defaultNow().notNull();

/** submitted: waiting for a grade; graded: done; returned: the instructor asked for a revision, submitting is open again. */
export const submissionStatus = pgEnum("submission_status", ["submitted", "graded", "returned"]);
export const SUBMISSION_STATUSES = submissionStatus.enumValues;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The settings of a lesson whose kind is `assignment`: one row per assignment lesson, written with the lesson. */
export const assignments = pgTable(
  "assignments",
  {
    lessonId: uuid("lesson_id")
      .primaryKey()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /** Markdown, rendered sanitized like a lesson's content. */
    instructions: text("instructions").default("").notNull(),
    /** Null: no due date. Shown to each user in their own time zone. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    maxPoints: integer("max_points").default(100).notNull(),
    /** Grading at or above this completes the lesson. */
    passingPoints: integer("passing_points").default(50).notNull(),
    acceptText: boolean("accept_text").default(true).notNull(),
    acceptFiles: boolean("accept_files").default(true).notNull(),
    /** Declared MIME types from the material whitelist; empty means all of it. */
    acceptedTypes: text("accepted_types")
      .array()
      .default(sql`'{}'::text[]`)
      .notNull(),
    maxFiles: integer("max_files").default(3).notNull(),
    maxFileBytes: bigint("max_file_bytes", { mode: "number" })
      .default(50 * 1024 * 1024)
      .notNull(),
    /** Past the due date: refused, or accepted and marked late. */
    allowLate: boolean("allow_late").default(false).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("assignments_max_points_range", sql`${t.maxPoints} between 1 and 10000`),
    check("assignments_passing_points_range", sql`${t.passingPoints} between 0 and ${t.maxPoints}`),
    check("assignments_max_files_range", sql`${t.maxFiles} between 1 and 20`),
    check("assignments_max_file_bytes_positive", sql`${t.maxFileBytes} >= 1`),
    check("assignments_accepts_something", sql`${t.acceptText} or ${t.acceptFiles}`),
  ],
);
export type Assignment = typeof assignments.$inferSelect;
export type NewAssignment = typeof assignments.$inferInsert;

/**
 * A learner's work on one assignment: one row per assignment and enrollment, holding where it stands (the latest
 * version's status and grade, for the grading queue). Each hand-in is a version below it, kept for the history.
 */
export const assignmentSubmissions = pgTable(
  "assignment_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => assignments.lessonId, { onDelete: "cascade" }),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    status: submissionStatus("status").default("submitted").notNull(),
    /** The latest version came in after the due date. */
    late: boolean("late").default(false).notNull(),
    versions: integer("versions").default(1).notNull(),
    /** When the latest version came in: the queue's order. */
    submittedAt: timestamp("submitted_at", { withTimezone: true }).defaultNow().notNull(),
    /** The latest grade (also kept on its version). */
    points: integer("points"),
    passed: boolean("passed"),
    gradedAt: timestamp("graded_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("assignment_submissions_lesson_enrollment_unique").on(t.lessonId, t.enrollmentId),
    index("assignment_submissions_enrollment_id_idx").on(t.enrollmentId),
    index("assignment_submissions_lesson_status_submitted_idx").on(t.lessonId, t.status, t.submittedAt),
  ],
);
export type AssignmentSubmission = typeof assignmentSubmissions.$inferSelect;
export type NewAssignmentSubmission = typeof assignmentSubmissions.$inferInsert;

/** One hand-in: its text and files, and the grade or revision request it got. Never changed once graded or returned. */
export const submissionVersions = pgTable(
  "submission_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => assignmentSubmissions.id, { onDelete: "cascade" }),
    /** 1 for the first hand-in, then 2, 3… */
    number: integer("number").notNull(),
    text: text("text"),
    late: boolean("late").default(false).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).defaultNow().notNull(),
    points: integer("points"),
    /** Markdown, rendered sanitized. */
    feedback: text("feedback"),
    returnedForRevision: boolean("returned_for_revision").default(false).notNull(),
    gradedAt: timestamp("graded_at", { withTimezone: true }),
    gradedBy: text("graded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("submission_versions_submission_number_unique").on(t.submissionId, t.number),
    index("submission_versions_graded_by_idx").on(t.gradedBy),
  ],
);
export type SubmissionVersion = typeof submissionVersions.$inferSelect;
export type NewSubmissionVersion = typeof submissionVersions.$inferInsert;

/** A file handed in with a version: an object under the learner's own prefix, checked like a material at completion. */
export const submissionFiles = pgTable(
  "submission_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => submissionVersions.id, { onDelete: "cascade" }),
    objectKey: text("object_key").notNull().unique(),
    fileName: varchar("file_name", { length: 512 }).notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    ord: integer("ord").default(0).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("submission_files_version_id_idx").on(t.versionId)],
);
export type SubmissionFile = typeof submissionFiles.$inferSelect;
export type NewSubmissionFile = typeof submissionFiles.$inferInsert;
