import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { courses, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { storageKeys } from "@/lib/storage/keys";
import type { CreateCourseInput, UpdateCourseInput } from "@/lib/validation/course";
import { assertCategoryExists } from "@/lib/categories/manage-categories";
import { requireCourseEditor } from "./course-editor-access";
import { recomputeProgress } from "@/lib/learning/progress";
import { removeStoredObjects } from "./remove-stored-objects";
import { stagingKeysOf } from "@/lib/uploads/staging-keys";
import { catalogChanged } from "./search-catalog";
import { followTitle, slugForNewCourse } from "./course-slug";
import { quizProblemsOf } from "@/lib/quizzes/quiz-readiness";
import { JOB_NAMES } from "@/lib/jobs/names";
import { enqueue } from "@/lib/jobs/queue";

const courseSummary = {
  id: courses.id,
  title: courses.title,
  slug: courses.slug,
  description: courses.description,
  outcomes: courses.outcomes,
  category: courses.category,
  difficulty: courses.difficulty,
  estimatedDuration: courses.estimatedDuration,
  totalLessons: courses.totalLessons,
  isPublished: courses.isPublished,
  selfEnrollment: courses.selfEnrollment,
  certificateEnabled: courses.certificateEnabled,
  certificateLine: courses.certificateLine,
  publishedAt: courses.publishedAt,
  instructorId: courses.instructorId,
  createdAt: courses.createdAt,
  updatedAt: courses.updatedAt,
};

/** A new draft course owned by the instructor (or admin) who creates it, at the URL its title makes (./course-slug.ts). */
export async function createCourse(viewer: Viewer | null, input: CreateCourseInput) {
  const instructor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  await assertCategoryExists(input.category);
  return db.transaction(async (tx) => {
    const slug = await slugForNewCourse(tx, input.title);
    const [course] = await tx
      .insert(courses)
      .values({ ...input, slug, instructorId: instructor.id })
      .returning(courseSummary);
    return course!;
  });
}

/** A new title moves the course to the new title's URL; the old URL redirects there (./course-slug.ts). */
export async function updateCourse(viewer: Viewer | null, courseId: string, input: UpdateCourseInput) {
  await requireCourseEditor(viewer, courseId);
  await assertCategoryExists(input.category);
  const course = await db.transaction(async (tx) => {
    if (input.title !== undefined) await followTitle(tx, courseId, input.title);
    const [updated] = await tx
      .update(courses)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(courses.id, courseId))
      .returning(courseSummary);
    // Turned on: those who completed the course already get theirs, in batches, by a job committed with the switch.
    if (input.certificateEnabled === true) {
      await enqueue(JOB_NAMES.certificateBackIssue, { courseId }, { tx, singletonKey: courseId });
    }
    return updated!;
  });
  catalogChanged();
  return course;
}

/**
 * Publishing needs a title, a description, at least one lesson, and quizzes that can be passed (each has a question and
 * each choice question a correct option: src/lib/quizzes/quiz-readiness.ts); the refusal names what is missing. Only
 * someone whose address is confirmed may publish, so that a throwaway account cannot put a course in front of everyone.
 * Unpublishing hides the course from the catalog; enrolled learners keep their rows.
 */
export async function setCoursePublished(viewer: Viewer | null, courseId: string, published: boolean) {
  await requireCourseEditor(viewer, courseId);
  if (published && !viewer?.emailVerified) {
    throw new AppError("FORBIDDEN", "Confirm your e-mail address before you publish a course: use the link we sent you.");
  }
  const course = await db.transaction(async (tx) => {
    const [course] = await tx
      .select({
        title: courses.title,
        description: courses.description,
        totalLessons: courses.totalLessons,
        publishedAt: courses.publishedAt,
      })
      .from(courses)
      .where(eq(courses.id, courseId))
      .for("update");
    if (published) {
      const missing: Record<string, string> = {};
      if (!course!.title.trim()) missing.title = "a title";
      if (!course!.description?.trim()) missing.description = "a description";
      if (course!.totalLessons < 1) missing.lessons = "at least one lesson";
      const names = Object.values(missing);
      const fields = Object.fromEntries(Object.entries(missing).map(([field, what]) => [field, `Add ${what}.`]));
      const sentences: string[] = [];
      if (names.length > 0) {
        const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
        sentences.push(`To publish, the course needs ${list}.`);
      }
      const problems = await quizProblemsOf(tx, courseId);
      if (problems.length > 0) {
        fields.quizzes = problems.map((p) => p.message).join(" ");
        sentences.push(`${sentences.length ? "Its quizzes need work too" : "To publish, fix the quizzes first"}: ${fields.quizzes}`);
      }
      if (sentences.length > 0) throw new AppError("VALIDATION_FAILED", sentences.join(" "), { fields });
    }
    const [updated] = await tx
      .update(courses)
      .set({
        isPublished: published,
        publishedAt: published ? (course!.publishedAt ?? new Date()) : course!.publishedAt,
        updatedAt: new Date(),
      })
      .where(eq(courses.id, courseId))
      .returning(courseSummary);
    return updated!;
  });
  catalogChanged();
  return course;
}

/** Deletes the course with its modules, lessons, materials, enrollments and progress, then every object it stored. */
export async function deleteCourse(viewer: Viewer | null, courseId: string) {
  await requireCourseEditor(viewer, courseId);
  const gone = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(inArray(lessons.moduleId, tx.select({ id: modules.id }).from(modules).where(eq(modules.courseId, courseId))));
    const staging = await stagingKeysOf(tx, { courseId });
    await tx.delete(courses).where(eq(courses.id, courseId));
    return { ids: rows.map((r) => r.id), staging };
  });
  catalogChanged();
  await removeStoredObjects({
    keys: gone.staging,
    prefixes: [storageKeys.coursePrefix(courseId), ...gone.ids.map((id) => storageKeys.lessonPrefix(id))],
  });
}

/**
 * total_lessons and every enrollment's progress (src/lib/learning/progress.ts), recomputed inside the transaction of
 * every lesson insert, delete and move.
 */
export async function recomputeCourseTotals(tx: Transaction, courseId: string) {
  // Lesson counts show on catalog cards. Cleared before commit, a refill may still see the old count, for at most the
  // cache's one second.
  catalogChanged();
  await tx.execute(sql`
    with total as (
      select count(*)::int as n from ${lessons} join ${modules} on ${modules.id} = ${lessons.moduleId}
      where ${modules.courseId} = ${courseId}
    )
    update ${courses} set total_lessons = (select n from total), updated_at = now() where ${courses.id} = ${courseId}`);
  await recomputeProgress(tx, courseId);
}
