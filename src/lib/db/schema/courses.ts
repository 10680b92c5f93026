import { sql } from "drizzle-orm";
import { bigint, boolean, customType, index, integer, numeric, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).defaultNow().notNull();

/** The categories courses are filed under, managed by admins; a course's category is one of these names. */
export const categories = pgTable("categories", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: varchar("name", { length: 128 }).notNull().unique(),
  createdAt: createdAt(),
});
export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // An instructor who still owns courses cannot be deleted; accounts are disabled instead.
    instructorId: text("instructor_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    title: varchar("title", { length: 512 }).notNull(),
    /** The course's readable URL (/courses/introduction-to-python); earlier ones redirect (course_slug_redirects). */
    // The app always sets it from the title (src/lib/courses/course-slug.ts); rows written by hand or by the bench get a
    // random one rather than failing.
    slug: varchar("slug", { length: 160 })
      .notNull()
      .unique()
      .default(sql`'course-' || substr(md5(random()::text || clock_timestamp()::text), 1, 12)`),
    description: text("description"),
    /** What a learner will be able to do, one line each, shown on the course page. */
    outcomes: text("outcomes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Renaming a category renames it on its courses; a category with courses cannot be deleted.
    category: varchar("category", { length: 128 }).references(() => categories.name, { onUpdate: "cascade", onDelete: "restrict" }),
    difficulty: varchar("difficulty", { length: 32 }),
    thumbnailUrl: text("thumbnail_url"),
    /** Storage key of the thumbnail, so that replacing or deleting it removes the object. */
    thumbnailKey: text("thumbnail_key"),
    price: numeric("price", { precision: 10, scale: 2 }),
    /** Minutes. */
    estimatedDuration: integer("estimated_duration"),
    totalLessons: integer("total_lessons").default(0).notNull(),
    isPublished: boolean("is_published").default(false).notNull(),
    /** False: "enrollment by staff only": learners see no Enroll button, and the enroll route refuses them. */
    selfEnrollment: boolean("self_enrollment").default(true).notNull(),
    /** Completing the course issues a certificate of completion (src/lib/certificates). */
    certificateEnabled: boolean("certificate_enabled").default(false).notNull(),
    /** An optional line the instructor sets, printed on the course's certificates (copied at issue). */
    certificateLine: varchar("certificate_line", { length: 200 }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Kept by the enrollment transaction, so that "most enrolled" sorts on an index instead of counting rows. */
    enrollmentCount: integer("enrollment_count").default(0).notNull(),
    /** Full-text search over title (weight A), category (B) and description (C), kept by Postgres itself. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(category, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("courses_instructor_id_idx").on(t.instructorId),
    index("courses_published_created_idx").on(t.isPublished, t.createdAt),
    index("courses_published_enrollments_idx").on(t.isPublished, t.enrollmentCount),
    index("courses_published_title_idx").on(t.isPublished, t.title),
    index("courses_category_idx").on(t.category),
    index("courses_search_idx").using("gin", t.searchVector),
  ],
);
export type Course = typeof courses.$inferSelect;
export type NewCourse = typeof courses.$inferInsert;

/** Slugs a course had before it was renamed: their URLs redirect to the course's current one. */
export const courseSlugRedirects = pgTable(
  "course_slug_redirects",
  {
    slug: varchar("slug", { length: 160 }).primaryKey(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("course_slug_redirects_course_id_idx").on(t.courseId)],
);
export type CourseSlugRedirect = typeof courseSlugRedirects.$inferSelect;

export const modules = pgTable(
  "modules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 512 }).notNull(),
    ord: integer("ord").default(0).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("modules_course_id_ord_idx").on(t.courseId, t.ord)],
);
export type Module = typeof modules.$inferSelect;
export type NewModule = typeof modules.$inferInsert;

/** What a lesson is: reading and video (`lesson`), a quiz graded on the server, or an assignment. */
export const lessonKind = pgEnum("lesson_kind", ["lesson", "quiz", "assignment"]);
export const LESSON_KINDS = lessonKind.enumValues;
export type LessonKind = (typeof LESSON_KINDS)[number];

export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 512 }).notNull(),
    kind: lessonKind("kind").default("lesson").notNull(),
    /** Markdown, rendered sanitized. */
    content: text("content"),
    videoKey: text("video_key"),
    /** Bytes; bigint because videos may be up to several GiB. */
    videoSize: bigint("video_size", { mode: "number" }),
    /** Seconds. */
    videoDuration: integer("video_duration"),
    videoMimeType: text("video_mime_type"),
    /** Minutes a learner needs for the lesson, shown in the curriculum. */
    durationMinutes: integer("duration_minutes"),
    ord: integer("ord").default(0).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("lessons_module_id_ord_idx").on(t.moduleId, t.ord)],
);
export type Lesson = typeof lessons.$inferSelect;
export type NewLesson = typeof lessons.$inferInsert;

export const courseMaterials = pgTable(
  "course_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "cascade" }),
    fileName: varchar("file_name", { length: 512 }).notNull(),
    fileKey: text("file_key").notNull().unique(),
    fileType: text("file_type"),
    fileSize: bigint("file_size", { mode: "number" }),
    materialType: varchar("material_type", { length: 32 }),
    createdAt: createdAt(),
  },
  (t) => [index("course_materials_course_id_idx").on(t.courseId), index("course_materials_lesson_id_idx").on(t.lessonId)],
);
export type CourseMaterial = typeof courseMaterials.$inferSelect;
export type NewCourseMaterial = typeof courseMaterials.$inferInsert;
