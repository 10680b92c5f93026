import "server-only";
import { and, eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courseMaterials, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getStorage } from "@/lib/storage";
import { requireContentAccess } from "./course-access";
import { getMyCourse } from "./course-detail";
import { materialsOf } from "./materials-of-course";

export const MEDIA_URL_SECONDS = 60 * 60;

/** A lesson of the course, for the player and the preview; a lesson of another course is a 404. */
export async function lessonRow(courseId: string, lessonId: string) {
  const [row] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
      kind: lessons.kind,
      content: lessons.content,
      durationMinutes: lessons.durationMinutes,
      videoKey: lessons.videoKey,
      videoMimeType: lessons.videoMimeType,
      moduleTitle: modules.title,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
  return row;
}

/**
 * A lesson for the player: content, whether it has a video, its materials, and the learner's place in it (from the
 * curriculum the player shows anyway, so progress is read once). It only reads: a page render is not a visit (Next
 * renders a linked lesson to prefetch it), so the player records the visit from the browser (recordLessonOpened).
 */
export async function getLessonForLearner(viewer: Viewer | null, courseId: string, lessonId: string) {
  const my = await getMyCourse(viewer, courseId, lessonId);
  if (!my.lesson) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
  const { videoKey, ...rest } = my.lesson;
  const progress = my.curriculum.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  return {
    lesson: { ...rest, hasVideo: videoKey !== null },
    materials: materialsOf(my.allMaterials ?? [], lessonId),
    completed: progress?.completed ?? false,
    videoPosition: progress?.videoPosition ?? 0,
  };
}

/** A signed, one-hour URL for the lesson's video (Range requests work); the player asks again when it expires. */
export async function getLessonVideoUrl(viewer: Viewer | null, courseId: string, lessonId: string) {
  await requireContentAccess(viewer, courseId);
  const lesson = await lessonRow(courseId, lessonId);
  if (!lesson.videoKey) throw new AppError("NOT_FOUND", "This lesson has no video.");
  const url = await getStorage().signGet(lesson.videoKey, {
    expiresInSeconds: MEDIA_URL_SECONDS,
    contentType: lesson.videoMimeType ?? undefined,
    disposition: "inline",
  });
  return { url, expiresAt: new Date(Date.now() + MEDIA_URL_SECONDS * 1000).toISOString(), mimeType: lesson.videoMimeType };
}

/** A signed, one-hour download URL for a material of the course (of the lesson, when one is given). */
export async function getMaterialUrl(viewer: Viewer | null, courseId: string, materialId: string, lessonId?: string) {
  await requireContentAccess(viewer, courseId);
  if (lessonId) await lessonRow(courseId, lessonId);
  const [material] = await db
    .select({
      fileKey: courseMaterials.fileKey,
      fileName: courseMaterials.fileName,
      fileType: courseMaterials.fileType,
      lessonId: courseMaterials.lessonId,
    })
    .from(courseMaterials)
    .where(and(eq(courseMaterials.id, materialId), eq(courseMaterials.courseId, courseId)));
  if (!material || (lessonId !== undefined && material.lessonId !== lessonId))
    throw new AppError("NOT_FOUND", "This material does not exist here.");
  const url = await getStorage().signGet(material.fileKey, {
    expiresInSeconds: MEDIA_URL_SECONDS,
    fileName: material.fileName,
    contentType: material.fileType ?? undefined,
    disposition: "attachment",
  });
  return { url, fileName: material.fileName, expiresAt: new Date(Date.now() + MEDIA_URL_SECONDS * 1000).toISOString() };
}
