import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { courses, lessons } from "./courses";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();

/**
 * A question or discussion on a lesson, or on the course's general board (lesson_id null). Readable by the course's
 * enrolled learners, its instructor and admins (src/lib/discussions/discussion-access.ts). A deleted course or lesson
 * takes its threads; a deleted user's posts stay, shown as by "a deleted user" (author_id set null), so that the
 * answers others read are not lost with the asker's account.
 */
export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    title: varchar("title", { length: 200 }).notNull(),
    /** Markdown, rendered sanitized like a lesson's content. */
    body: text("body").notNull(),
    pinned: boolean("pinned").default(false).notNull(),
    locked: boolean("locked").default(false).notNull(),
    /** Hidden by a moderator: only moderators see it. */
    hidden: boolean("hidden").default(false).notNull(),
    /** The reply marked as the answer; a reply of this thread (kept so by the lib, cleared when that reply goes). */
    answerReplyId: uuid("answer_reply_id"),
    /** Kept by the upvote and reply transactions, so that the sorts read an index instead of counting. */
    upvoteCount: integer("upvote_count").default(0).notNull(),
    replyCount: integer("reply_count").default(0).notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    createdAt: createdAt(),
    /** Full-text search over title (weight A) and body (B), kept by Postgres itself, as the catalog's. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')`,
    ),
  },
  (t) => [
    index("discussion_threads_course_lesson_created_idx").on(t.courseId, t.lessonId, t.createdAt, t.id),
    index("discussion_threads_course_created_idx").on(t.courseId, t.createdAt, t.id),
    index("discussion_threads_lesson_id_idx").on(t.lessonId),
    index("discussion_threads_author_id_idx").on(t.authorId),
    index("discussion_threads_search_idx").using("gin", t.searchVector),
  ],
);
export type DiscussionThread = typeof discussionThreads.$inferSelect;
export type NewDiscussionThread = typeof discussionThreads.$inferInsert;

/** A reply to a thread: flat, oldest first. */
export const discussionReplies = pgTable(
  "discussion_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    hidden: boolean("hidden").default(false).notNull(),
    upvoteCount: integer("upvote_count").default(0).notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("discussion_replies_thread_created_idx").on(t.threadId, t.createdAt, t.id),
    index("discussion_replies_author_id_idx").on(t.authorId),
  ],
);
export type DiscussionReply = typeof discussionReplies.$inferSelect;

/** One upvote per user and thread: the primary key is the "at most one". */
export const discussionThreadUpvotes = pgTable(
  "discussion_thread_upvotes",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("discussion_thread_upvotes_user_id_idx").on(t.userId)],
);

/** One upvote per user and reply. */
export const discussionReplyUpvotes = pgTable(
  "discussion_reply_upvotes",
  {
    replyId: uuid("reply_id")
      .notNull()
      .references(() => discussionReplies.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.replyId, t.userId] }), index("discussion_reply_upvotes_user_id_idx").on(t.userId)],
);

/** A member's report of a post (a thread, or one of its replies), listed for the course's moderators until resolved. */
export const discussionReports = pgTable(
  "discussion_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    /** Null: the report is about the thread itself. */
    replyId: uuid("reply_id").references(() => discussionReplies.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: varchar("reason", { length: 500 }).notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // A member reports a post once; reporting it again updates the reason.
    unique("discussion_reports_post_reporter_unique").on(t.threadId, t.replyId, t.reporterId).nullsNotDistinct(),
    index("discussion_reports_course_open_idx").on(t.courseId, t.resolvedAt, t.createdAt),
    index("discussion_reports_reply_id_idx").on(t.replyId),
    index("discussion_reports_reporter_id_idx").on(t.reporterId),
    index("discussion_reports_resolved_by_idx").on(t.resolvedBy),
  ],
);
export type DiscussionReport = typeof discussionReports.$inferSelect;

/** A user an instructor muted in a course: they still read, but may not post there. */
export const discussionMutes = pgTable(
  "discussion_mutes",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mutedBy: text("muted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index("discussion_mutes_user_id_idx").on(t.userId),
    index("discussion_mutes_muted_by_idx").on(t.mutedBy),
  ],
);
