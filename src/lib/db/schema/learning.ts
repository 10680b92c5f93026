import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { courses, lessons } from "./courses";
import { users } from "./users";

export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    learnerId: text("learner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).defaultNow().notNull(),
    /** Completed lessons / total lessons, rounded down; 100 only when every lesson is done. */
    progress: integer("progress").default(0).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastAccessedAt: timestamp("last_accessed_at", { withTimezone: true }),
    /** Set by staff: after it, the course is read-only for this learner (nothing new is recorded). */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** Who enrolled the learner, when it was not the learner (staff, a cohort link, an invitation, an import). */
    enrolledBy: text("enrolled_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // The unique index leads with course_id, so it also serves as the course_id foreign-key index.
    unique("enrollments_course_id_learner_id_unique").on(t.courseId, t.learnerId),
    index("enrollments_learner_id_idx").on(t.learnerId),
    index("enrollments_enrolled_at_idx").on(t.enrolledAt),
    // Analytics: a course's cohort by enrolment date, its completions by date, and the platform's completions by date.
    index("enrollments_course_id_enrolled_at_idx").on(t.courseId, t.enrolledAt),
    index("enrollments_course_id_completed_at_idx").on(t.courseId, t.completedAt),
    index("enrollments_completed_at_idx").on(t.completedAt),
    index("enrollments_enrolled_by_idx").on(t.enrolledBy),
    check("enrollments_progress_range", sql`${t.progress} between 0 and 100`),
  ],
);
export type Enrollment = typeof enrollments.$inferSelect;
export type NewEnrollment = typeof enrollments.$inferInsert;

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrollmentId: uuid("enrollment_id")
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    completed: boolean("completed").default(false).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Seconds into the lesson video where the learner stopped; the player resumes there on any device. */
    videoPosition: integer("video_position").default(0).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    unique("lesson_progress_enrollment_id_lesson_id_unique").on(t.enrollmentId, t.lessonId),
    // Leads with lesson_id, so it is also the foreign-key index; analytics reads a course's recent completions with it.
    index("lesson_progress_lesson_id_completed_at_idx").on(t.lessonId, t.completedAt),
    check("lesson_progress_video_position_nonnegative", sql`${t.videoPosition} >= 0`),
  ],
);
export type LessonProgress = typeof lessonProgress.$inferSelect;
export type NewLessonProgress = typeof lessonProgress.$inferInsert;
