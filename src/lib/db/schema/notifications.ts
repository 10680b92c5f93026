import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * What the app tells a user (the bell and /notifications): a kind (src/lib/notifications/kinds.ts), a title, a line of
 * text and the page it is about. Written in the transaction of the change that causes it.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 40 }).notNull(),
    title: text("title").notNull(),
    body: text("body"),
    /** A path on this site: what the notification is about. */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // The list, newest first, per user (the cursor pages on created_at, id).
    index("notifications_user_id_created_at_idx").on(t.userId, t.createdAt, t.id),
    // The bell's count: unread rows only.
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/** A user's choice per kind and channel; no row means the kind's default (on). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 40 }).notNull(),
    channel: varchar("channel", { length: 10 }).notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.channel] })],
);

/**
 * One row per mail the mail worker handed to SMTP (or the outbox), by the job's idempotency key: a retried job whose
 * mail already went out (a crash between the send and the job's acknowledgement) finds its key here and sends nothing.
 */
export const mailDeliveries = pgTable("mail_deliveries", {
  key: varchar("key", { length: 200 }).primaryKey(),
  messageId: text("message_id"),
  sentAt: timestamp("sent_at", { withTimezone: true }).defaultNow().notNull(),
});

/**
 * What waits for a user's next digest mail (a new lesson, new enrollments, submissions waiting): a digest job sends one
 * mail per user and group (a course, for new lessons) with every item not yet sent, then stamps `sent_at`.
 */
export const notificationDigestItems = pgTable(
  "notification_digest_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 40 }).notNull(),
    /** Items of one group go in one mail: the course's id for new lessons; empty when the kind has one mail per user. */
    groupKey: text("group_key").notNull().default(""),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_digest_items_user_id_idx").on(t.userId),
    index("notification_digest_items_unsent_idx")
      .on(t.kind, t.userId, t.groupKey)
      .where(sql`${t.sentAt} is null`),
  ],
);

/** A reminder sent once: per user, kind and what it is about (an assignment's due date, an enrollment gone quiet). */
export const notificationReminders = pgTable(
  "notification_reminders",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 40 }).notNull(),
    subjectKey: text("subject_key").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.subjectKey] })],
);
