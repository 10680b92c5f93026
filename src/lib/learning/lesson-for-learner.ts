import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { courseMaterials, enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getStorage } from "@/lib/storage";
import { requireContentAccess } from "./course-access";

export const MEDIA_URL_SECONDS = 60 * 60;

async function lessonRow(courseId: string, lessonId: string) {
  const [row] = await db
    .select({
      id: lessons.id,
      title: lessons.title,
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

/** A lesson for the player: content, whether it has a video, its materials, and the learner's place in it. */
export async function getLessonForLearner(courseId: string, lessonId: string) {
  const access = await requireContentAccess(courseId);
  const enrollmentId = access.enrollment?.id;
  const [lesson, materials, progress] = await Promise.all([
    lessonRow(courseId, lessonId),
    db
      .select({ id: courseMaterials.id, fileName: courseMaterials.fileName, fileSize: courseMaterials.fileSize, fileType: courseMaterials.fileType })
      .from(courseMaterials)
      .where(and(eq(courseMaterials.courseId, courseId), eq(courseMaterials.lessonId, lessonId)))
      .orderBy(asc(courseMaterials.createdAt)),
    enrollmentId
      ? db
          .select({ completed: lessonProgress.completed, videoPosition: lessonProgress.videoPosition })
          .from(lessonProgress)
          .where(and(eq(lessonProgress.enrollmentId, enrollmentId), eq(lessonProgress.lessonId, lessonId)))
          .then((rows) => rows[0])
      : Promise.resolve(undefined),
    enrollmentId ? db.update(enrollments).set({ lastAccessedAt: new Date() }).where(eq(enrollments.id, enrollmentId)) : null,
  ]);
  const { videoKey, ...rest } = lesson;
  return { lesson: { ...rest, hasVideo: videoKey !== null }, materials, completed: progress?.completed ?? false, videoPosition: progress?.videoPosition ?? 0 };
}

/** A signed, one-hour URL for the lesson's video (Range requests work); the player asks again when it expires. */
export async function getLessonVideoUrl(courseId: string, lessonId: string) {
  await requireContentAccess(courseId);
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
export async function getMaterialUrl(courseId: string, materialId: string, lessonId?: string) {
  await requireContentAccess(courseId);
  if (lessonId) await lessonRow(courseId, lessonId);
  const [material] = await db
    .select({ fileKey: courseMaterials.fileKey, fileName: courseMaterials.fileName, fileType: courseMaterials.fileType, lessonId: courseMaterials.lessonId })
    .from(courseMaterials)
    .where(and(eq(courseMaterials.id, materialId), eq(courseMaterials.courseId, courseId)));
  if (!material || (lessonId !== undefined && material.lessonId !== lessonId)) throw new AppError("NOT_FOUND", "This material does not exist here.");
  const url = await getStorage().signGet(material.fileKey, {
    expiresInSeconds: MEDIA_URL_SECONDS,
    fileName: material.fileName,
    contentType: material.fileType ?? undefined,
    disposition: "attachment",
  });
  return { url, fileName: material.fileName, expiresAt: new Date(Date.now() + MEDIA_URL_SECONDS * 1000).toISOString() };
}
