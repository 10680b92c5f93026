import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courseMaterials } from "@/lib/db/schema";
import { requireCourseEditor, requireLessonOf, requireMaterialOf } from "@/lib/courses/course-editor-access";
import { removeStoredObjects } from "@/lib/courses/remove-stored-objects";

/** A material as the editor and the upload API show it: one column list for every answer that holds one. */
export const materialColumns = {
  id: courseMaterials.id,
  lessonId: courseMaterials.lessonId,
  fileName: courseMaterials.fileName,
  fileType: courseMaterials.fileType,
  fileSize: courseMaterials.fileSize,
  materialType: courseMaterials.materialType,
  createdAt: courseMaterials.createdAt,
};

/** The course-level materials (not those of a lesson). */
export async function listCourseMaterials(viewer: Viewer | null, courseId: string) {
  await requireCourseEditor(viewer, courseId);
  return db
    .select(materialColumns)
    .from(courseMaterials)
    .where(and(eq(courseMaterials.courseId, courseId), isNull(courseMaterials.lessonId)))
    .orderBy(asc(courseMaterials.createdAt));
}

export async function listLessonMaterials(viewer: Viewer | null, courseId: string, moduleId: string, lessonId: string) {
  await requireCourseEditor(viewer, courseId);
  await requireLessonOf(courseId, moduleId, lessonId);
  return db
    .select(materialColumns)
    .from(courseMaterials)
    .where(and(eq(courseMaterials.courseId, courseId), eq(courseMaterials.lessonId, lessonId)))
    .orderBy(asc(courseMaterials.createdAt));
}

/** Deletes a material of the course (of the lesson, when the path names one): the row first, then its object. */
export async function deleteMaterial(
  viewer: Viewer | null,
  courseId: string,
  materialId: string,
  lesson?: { moduleId: string; lessonId: string },
) {
  await requireCourseEditor(viewer, courseId);
  if (lesson) await requireLessonOf(courseId, lesson.moduleId, lesson.lessonId);
  const material = await requireMaterialOf(courseId, materialId, lesson?.lessonId);
  await db.delete(courseMaterials).where(eq(courseMaterials.id, material.id));
  await removeStoredObjects({ keys: [material.fileKey] });
}
