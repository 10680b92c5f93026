import { index, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { courses } from "./courses";
import { users } from "./users";

/** What a certificate says was completed, as it was at issue. */
export type CertificateSnapshot = {
  lessons: { title: string; kind: string }[];
};

/**
 * A certificate of completion: issued once per learner and course, when the course is completed with certificates on.
 * It copies what it shows (names, title, line) at issue, so later edits and the course's deletion (course_id becomes
 * null, the page says "no longer offered") leave it as issued; the learner's account's deletion removes it.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The public code: 12 characters of an alphabet without look-alikes, unguessable (60 bits). */
    code: varchar("code", { length: 12 }).notNull().unique(),
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "set null" }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    learnerName: text("learner_name").notNull(),
    courseTitle: text("course_title").notNull(),
    instructorName: text("instructor_name"),
    line: text("line"),
    completed: jsonb("completed").$type<CertificateSnapshot>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).defaultNow().notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    revokedBy: text("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // One per learner and course; a course's deletion nulls course_id, and nulls never collide.
    unique("certificates_course_id_learner_id_unique").on(t.courseId, t.learnerId),
    index("certificates_learner_id_idx").on(t.learnerId),
    index("certificates_issued_at_idx").on(t.issuedAt),
    index("certificates_revoked_by_idx").on(t.revokedBy),
  ],
);
export type Certificate = typeof certificates.$inferSelect;
