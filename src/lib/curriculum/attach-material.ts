import "server-only";
import { eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { requireCourseEditor, requireLessonOf } from "@/lib/courses/course-editor-access";
import { completeUpload } from "@/lib/uploads";
import type { CompleteUploadInput } from "@/lib/validation/upload";

/**
 * The reference design's "create material" routes: attaches a material upload started for this course (and lesson)
 * by completing it. An upload made for another course or lesson is a 404 here.
 */
export async function attachMaterial(
  viewer: Viewer | null,
  courseId: string,
  lesson: { moduleId: string; lessonId: string } | undefined,
  input: CompleteUploadInput,
) {
  await requireCourseEditor(viewer, courseId);
  if (lesson) await requireLessonOf(courseId, lesson.moduleId, lesson.lessonId);
  const [session] = await db
    .select({ courseId: uploadSessions.courseId, lessonId: uploadSessions.lessonId, kind: uploadSessions.kind })
    .from(uploadSessions)
    .where(eq(uploadSessions.id, input.uploadId));
  if (!session || session.kind !== "material" || session.courseId !== courseId || session.lessonId !== (lesson?.lessonId ?? null)) {
    throw new AppError("NOT_FOUND", "There is no material upload for this place. Start the upload here first.");
  }
  return completeUpload(viewer, "material", input);
}
