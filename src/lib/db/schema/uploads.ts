import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { courses, lessons } from "./courses";
import { users } from "./users";

export const uploadKind = pgEnum("upload_kind", ["video", "material", "thumbnail", "submission"]);
export const uploadStatus = pgEnum("upload_status", ["pending", "completed", "aborted"]);

/**
 * A direct-to-storage upload from its start to its completion. Pending rows past expires_at are aborted by the sweeper,
 * which deletes their objects, so nothing uploaded half-way is kept for ever.
 */
export const uploadSessions = pgTable(
  "upload_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: uploadKind("kind").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "cascade" }),
    /** Where the checked file is attached; nothing but completion writes it. */
    objectKey: text("object_key").notNull().unique(),
    /**
     * Where the browser's signed URLs write. Completion copies the checked object from here to object_key, so that a URL
     * still alive after the upload ended can never write a key learners download. Null once the sweeper removed it
     * after the upload ended and its URLs expired (and for uploads started before staging existed).
     */
    stagingKey: text("staging_key").unique(),
    fileName: varchar("file_name", { length: 512 }).notNull(),
    contentType: text("content_type").notNull(),
    declaredSize: bigint("declared_size", { mode: "number" }).notNull(),
    /** Set for multipart uploads. */
    multipartUploadId: text("multipart_upload_id"),
    partSize: integer("part_size"),
    status: uploadStatus("status").default("pending").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("upload_sessions_user_id_idx").on(t.userId),
    index("upload_sessions_course_id_idx").on(t.courseId),
    index("upload_sessions_lesson_id_idx").on(t.lessonId),
    index("upload_sessions_status_expires_idx").on(t.status, t.expiresAt),
  ],
);
export type UploadSession = typeof uploadSessions.$inferSelect;
export type NewUploadSession = typeof uploadSessions.$inferInsert;
