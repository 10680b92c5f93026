import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { courses } from "./courses";
import { userRole, users } from "./users";

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();

/** Who may make an account: anyone, only addresses of listed domains, or only someone invited. */
export const signupPolicy = pgEnum("signup_policy", ["open", "domains", "invitation"]);
export const SIGNUP_POLICIES = signupPolicy.enumValues;
export type SignupPolicy = (typeof SIGNUP_POLICIES)[number];

/** The platform's settings an admin changes in the browser: one row (id 1), read through a cached settings module. */
export const appSettings = pgTable(
  "app_settings",
  {
    id: integer("id").primaryKey().default(1),
    signupPolicy: signupPolicy("signup_policy").default("open").notNull(),
    /** Lower-cased domains ("school.example") whose addresses may sign up under the "domains" policy. */
    signupDomains: text("signup_domains")
      .array()
      .default(sql`'{}'::text[]`)
      .notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).defaultNow().notNull(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("app_settings_single_row", sql`${t.id} = 1`), index("app_settings_updated_by_idx").on(t.updatedBy)],
);
export type AppSettings = typeof appSettings.$inferSelect;

/** A named group of learners (a class, a year, a team); a learner may be in many. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("cohorts_name_unique").on(sql`lower(${t.name})`), index("cohorts_created_by_idx").on(t.createdBy)],
);
export type Cohort = typeof cohorts.$inferSelect;

export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_members_user_id_idx").on(t.userId)],
);

/** A cohort enrolled in a course: its members are enrolled, and so are members added later. */
export const cohortCourses = pgTable(
  "cohort_courses",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    /** After this, the course is read-only for the members enrolled through the link (copied to their enrollments). */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    addedAt: timestamp("added_at", { withTimezone: true }).defaultNow().notNull(),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.cohortId, t.courseId] }),
    index("cohort_courses_course_id_idx").on(t.courseId),
    index("cohort_courses_added_by_idx").on(t.addedBy),
  ],
);

/**
 * An invitation to make an account: the address, the role it will have, the courses (and cohort) it joins. The link's
 * token is stored hashed; it works once, for 7 days, unless revoked.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased. */
    email: text("email").notNull(),
    role: userRole("role").default("LEARNER").notNull(),
    courseIds: uuid("course_ids")
      .array()
      .default(sql`'{}'::uuid[]`)
      .notNull(),
    cohortId: uuid("cohort_id").references(() => cohorts.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }).defaultNow().notNull(),
    sendCount: integer("send_count").default(1).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // One open invitation per address: a second invite of the same address renews it.
    uniqueIndex("invitations_one_open_per_email")
      .on(t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_email_idx").on(t.email),
    index("invitations_cohort_id_idx").on(t.cohortId),
    index("invitations_invited_by_idx").on(t.invitedBy),
    index("invitations_accepted_by_idx").on(t.acceptedBy),
  ],
);
export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
