import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["ADMIN", "INSTRUCTOR", "LEARNER"]);
export type UserRole = (typeof userRole.enumValues)[number];

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always stored lower-cased, so the unique index is case-insensitive in effect. */
    email: text("email").notNull().unique(),
    name: text("name"),
    /** A few lines about an instructor, shown on their course pages. */
    bio: text("bio"),
    passwordHash: text("password_hash"),
    role: userRole("role").default("LEARNER").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true }),
    image: text("image"),
    /** Set once the user has picked a role and completed the profile. */
    onboardedAt: timestamp("onboarded_at", { withTimezone: true }),
    /** A disabled user cannot sign in; their sessions stop working on the next request. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** The last successful sign-in, on any device, for admins helping people. */
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index("users_role_idx").on(t.role), index("users_created_at_idx").on(t.createdAt)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Auth.js adapter table: property names are the adapter's, columns are snake_case. */
export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_id_idx").on(t.userId)],
);
export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

/** Auth.js magic-link tokens; Auth.js stores only a hash of the token it mails. */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
export type VerificationToken = typeof verificationTokens.$inferSelect;
export type NewVerificationToken = typeof verificationTokens.$inferInsert;

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token that was mailed; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_user_id_idx").on(t.userId)],
);
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
export type NewPasswordResetToken = typeof passwordResetTokens.$inferInsert;

/** Fixed-window counters shared by every instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").default(0).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_expires_at_idx").on(t.expiresAt)],
);
export type RateLimit = typeof rateLimits.$inferSelect;

export const emailTokenPurpose = pgEnum("email_token_purpose", ["verify_email", "change_email"]);
export type EmailTokenPurpose = (typeof emailTokenPurpose.enumValues)[number];

/**
 * One-time links mailed to prove an address: verifying a new account's address, or confirming a new address the user
 * asked to change to. Only the SHA-256 of the token is stored; a link works once, until expires_at.
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurpose("purpose").notNull(),
    /** The address the link was sent to (for change_email, the new address). */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("email_tokens_user_id_idx").on(t.userId)],
);
export type EmailToken = typeof emailTokens.$inferSelect;
export type NewEmailToken = typeof emailTokens.$inferInsert;

export const instructorRequestStatus = pgEnum("instructor_request_status", ["pending", "approved", "declined"]);
export type InstructorRequestStatus = (typeof instructorRequestStatus.enumValues)[number];

/** A learner asking to teach; an admin approves (the role becomes INSTRUCTOR) or declines. One pending per user. */
export const instructorRequests = pgTable(
  "instructor_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message"),
    status: instructorRequestStatus("status").default("pending").notNull(),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** When the requester was shown the decision. */
    seenAt: timestamp("seen_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("instructor_requests_user_id_idx").on(t.userId),
    index("instructor_requests_decided_by_idx").on(t.decidedBy),
    index("instructor_requests_status_created_at_idx").on(t.status, t.createdAt),
    uniqueIndex("instructor_requests_one_pending_per_user")
      .on(t.userId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
export type InstructorRequest = typeof instructorRequests.$inferSelect;
export type NewInstructorRequest = typeof instructorRequests.$inferInsert;

/**
 * One signed-in device: the session cookie carries this id, so signing out ends this device only, and a user can see
 * their devices and end any of them. A row that is gone is a session that no longer works.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).defaultNow().notNull(),
    userAgent: varchar("user_agent", { length: 512 }),
    ip: varchar("ip", { length: 64 }),
  },
  (t) => [index("user_sessions_user_id_idx").on(t.userId)],
);
export type UserSession = typeof userSessions.$inferSelect;
export type NewUserSession = typeof userSessions.$inferInsert;
