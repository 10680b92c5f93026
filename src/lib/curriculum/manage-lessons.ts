import "server-only";
import { materialColumns } from "./manage-materials";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { assignments, courseMaterials, lessons, quizzes } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { lockCourse, requireCourseEditor, requireLessonOf, requireModuleOf } from "@/lib/courses/course-editor-access";
import { recomputeCourseTotals } from "@/lib/courses/manage-course";
import { removeStoredObjects } from "@/lib/courses/remove-stored-objects";
import { stagingKeysOf } from "@/lib/uploads/staging-keys";
import { storageKeys } from "@/lib/storage/keys";
import type { CreateLessonInput, UpdateLessonInput } from "@/lib/validation/course";
import { startNewLessonFanOut } from "@/lib/notifications/fan-out";
import { setOrder } from "./manage-modules";

/** A lesson as the editor sees it. */
export const lessonFields = {
  id: lessons.id,
  moduleId: lessons.moduleId,
  title: lessons.title,
  kind: lessons.kind,
  content: lessons.content,
  durationMinutes: lessons.durationMinutes,
  ord: lessons.ord,
  videoKey: lessons.videoKey,
  videoSize: lessons.videoSize,
  videoMimeType: lessons.videoMimeType,
  updatedAt: lessons.updatedAt,
};

/**
 * Appends a lesson to the module; total_lessons and every enrollment's progress move in the same transaction. A quiz
 * or an assignment gets its settings row (the defaults) in that transaction too, so it never lacks one.
 */
export async function createLesson(viewer: Viewer | null, courseId: string, moduleId: string, input: CreateLessonInput) {
  await requireCourseEditor(viewer, courseId);
  const kind = input.kind ?? "lesson";
  return db.transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    await requireModuleOf(courseId, moduleId, tx);
    const [row] = await tx
      .insert(lessons)
      .values({
        moduleId,
        title: input.title,
        kind,
        content: input.content ?? null,
        durationMinutes: input.durationMinutes ?? null,
        ord: sql`(select coalesce(max(${lessons.ord}) + 1, 0) from ${lessons} where ${lessons.moduleId} = ${moduleId})`,
      })
      .returning(lessonFields);
    if (kind === "quiz") await tx.insert(quizzes).values({ lessonId: row!.id });
    if (kind === "assignment") await tx.insert(assignments).values({ lessonId: row!.id });
    await recomputeCourseTotals(tx, courseId);
    // Learners of a published course hear of it: in the app at once, by mail in their daily digest of the course.
    if (course.isPublished) await startNewLessonFanOut(tx, courseId, row!.id);
    return row!;
  });
}

/** A lesson with its materials, for the editor; a lesson of another module or course is a 404. */
export async function getLessonForEditor(viewer: Viewer | null, courseId: string, moduleId: string, lessonId: string) {
  await requireCourseEditor(viewer, courseId);
  await requireLessonOf(courseId, moduleId, lessonId);
  const [[lesson], materials] = await Promise.all([
    db.select(lessonFields).from(lessons).where(eq(lessons.id, lessonId)),
    db.select(materialColumns).from(courseMaterials).where(eq(courseMaterials.lessonId, lessonId)).orderBy(asc(courseMaterials.createdAt)),
  ]);
  return { ...lesson!, materials };
}

export async function updateLesson(viewer: Viewer | null, courseId: string, moduleId: string, lessonId: string, input: UpdateLessonInput) {
  await requireCourseEditor(viewer, courseId);
  await requireLessonOf(courseId, moduleId, lessonId);
  const [row] = await db
    .update(lessons)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(lessons.id, lessonId))
    .returning(lessonFields);
  return row!;
}

/** Deletes the lesson (its progress rows and materials cascade), closes the gap, recomputes totals, then its objects. */
export async function deleteLesson(viewer: Viewer | null, courseId: string, moduleId: string, lessonId: string) {
  await requireCourseEditor(viewer, courseId);
  const staging = await db.transaction(async (tx) => {
    await lockCourse(tx, courseId);
    await requireLessonOf(courseId, moduleId, lessonId, tx);
    const staging = await stagingKeysOf(tx, { lessonIds: [lessonId] });
    await tx.delete(lessons).where(eq(lessons.id, lessonId));
    await renumberLessons(tx, moduleId);
    await recomputeCourseTotals(tx, courseId);
    return staging;
  });
  await removeStoredObjects({ keys: staging, prefixes: [storageKeys.lessonPrefix(lessonId)] });
}

/**
 * Moves a lesson to `position` in `targetModuleId` (its own module or another of the same course); both modules stay
 * densely numbered. Progress does not change: the course keeps the same lessons.
 */
export async function moveLesson(
  viewer: Viewer | null,
  courseId: string,
  moduleId: string,
  lessonId: string,
  target: { moduleId: string; position: number },
) {
  await requireCourseEditor(viewer, courseId);
  return db.transaction(async (tx) => {
    await lockCourse(tx, courseId);
    await requireLessonOf(courseId, moduleId, lessonId, tx);
    await requireModuleOf(courseId, target.moduleId, tx);
    const siblings = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(and(eq(lessons.moduleId, target.moduleId), ne(lessons.id, lessonId)))
      .orderBy(asc(lessons.ord));
    const ids = siblings.map((s) => s.id);
    ids.splice(Math.min(target.position, ids.length), 0, lessonId);
    await setOrder(tx, "lessons", ids, { moduleId: target.moduleId });
    if (target.moduleId !== moduleId) await renumberLessons(tx, moduleId);
    await recomputeCourseTotals(tx, courseId);
    return tx
      .select(lessonFields)
      .from(lessons)
      .where(eq(lessons.id, lessonId))
      .then((rows) => rows[0]!);
  });
}

/** Removes the lesson's video: the columns are cleared in the database first, then the object is deleted. */
export async function deleteLessonVideo(viewer: Viewer | null, courseId: string, moduleId: string, lessonId: string) {
  await requireCourseEditor(viewer, courseId);
  const lesson = await requireLessonOf(courseId, moduleId, lessonId);
  if (!lesson.videoKey) throw new AppError("NOT_FOUND", "This lesson has no video.");
  await db
    .update(lessons)
    .set({ videoKey: null, videoSize: null, videoMimeType: null, videoDuration: null, updatedAt: new Date() })
    .where(and(eq(lessons.id, lessonId), eq(lessons.videoKey, lesson.videoKey)));
  await removeStoredObjects({ keys: [lesson.videoKey] });
}

async function renumberLessons(tx: Parameters<typeof setOrder>[0], moduleId: string) {
  const rows = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, moduleId)).orderBy(asc(lessons.ord));
  await setOrder(
    tx,
    "lessons",
    rows.map((r) => r.id),
  );
}
