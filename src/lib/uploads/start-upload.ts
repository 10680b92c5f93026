import "server-only";
import { randomUUID } from "node:crypto";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor, requireLessonOf } from "@/lib/courses/course-editor-access";
import { db } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { partPlan } from "@/lib/storage/driver";
import { getStorage } from "@/lib/storage";
import { storageKeys } from "@/lib/storage/keys";
import { type UploadKind, checkDeclaredFile } from "@/lib/validation/file-types";
import { type StartUploadInput } from "@/lib/validation/upload";
import { uploadLimits } from "./limits";
import { sweepUploadsSoon } from "./sweep-uploads";
import { type TransferPlan, UPLOAD_TTL_SECONDS, isMultipartSize, signTransfer } from "./transfer-plan";

export type StartedUpload = { uploadId: string; key: string; expiresAt: string } & TransferPlan;

/** Where the file will be stored; a material's key carries the id its row will get. */
function objectKeyFor(kind: UploadKind, courseId: string, lessonId: string | undefined, fileName: string): string {
  if (kind === "thumbnail") return storageKeys.courseThumbnail(courseId, fileName);
  if (kind === "video") return storageKeys.lessonVideo(lessonId!, fileName);
  const materialId = randomUUID();
  return lessonId ? storageKeys.lessonMaterial(lessonId, materialId, fileName) : storageKeys.courseMaterial(courseId, materialId, fileName);
}

/**
 * Starts a direct-to-storage upload for the course's editor: checks the lesson belongs to the course, the declared
 * type is in the kind's whitelist and the size within its limit, records a pending session, and returns signed URLs
 * (one PUT up to 64 MiB, to a staging key; parts above). Nothing is attached until completeUpload has checked the
 * stored bytes.
 */
export async function startUpload<K extends UploadKind>(
  viewer: Viewer | null,
  kind: K,
  input: StartUploadInput<K>,
): Promise<StartedUpload> {
  const uploader = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  await requireCourseEditor(uploader, input.courseId);
  const lessonId = "lessonId" in input ? input.lessonId : undefined;
  if (lessonId) {
    const moduleId = "moduleId" in input ? input.moduleId : undefined;
    const lesson = await requireLessonOf(input.courseId, moduleId!, lessonId);
    // A quiz may keep an introduction and handouts, but it is not a video lesson.
    if (kind === "video" && lesson.kind !== "lesson") {
      throw new AppError("CONFLICT", "A quiz has no video: add the video to a lesson instead.", {
        fields: { lessonId: "A quiz has no video." },
      });
    }
  }
  const refusal = checkDeclaredFile(kind, { type: input.contentType, size: input.size }, uploadLimits());
  if (refusal)
    throw new AppError(refusal.code, refusal.message, {
      fields: { [refusal.code === "PAYLOAD_TOO_LARGE" ? "size" : "contentType"]: refusal.message },
    });

  const storage = getStorage();
  const id = randomUUID();
  const key = objectKeyFor(kind, input.courseId, lessonId, input.fileName);
  // Why two plans. A single PUT writes a staging key, and completion copies the checked bytes to `key`: its URL stays
  // alive for the rest of the day and cannot be revoked on S3, so it must never point at a key learners download.
  // Multipart parts are written under `key` itself: their URLs die with the multipart upload (CompleteMultipartUpload
  // and AbortMultipartUpload end it; a later part PUT gets NoSuchUpload, and the local driver's .multipart folder is
  // gone), so no live URL writes `key` once the upload has ended. Staging those too would mean copying up to 4 GiB
  // inside the completion request (UploadPartCopy, which s3rver cannot test either) for no gain.
  const multipart = isMultipartSize(input.size);
  const stagingKey = multipart ? null : storageKeys.uploadStaging(id, input.fileName);
  const multipartUploadId = multipart ? await storage.createMultipart(key, { contentType: input.contentType }) : null;
  const insert = db
    .insert(uploadSessions)
    .values({
      id,
      userId: uploader.id,
      kind,
      courseId: input.courseId,
      lessonId: lessonId ?? null,
      objectKey: key,
      stagingKey,
      fileName: input.fileName,
      contentType: input.contentType,
      declaredSize: input.size,
      multipartUploadId,
      partSize: multipart ? partPlan(input.size).partSize : null,
      expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000),
    })
    .returning();
  const [session] = await insert.catch(async (error: unknown) => {
    if (multipartUploadId) await storage.abortMultipart(key, multipartUploadId).catch(() => undefined);
    throw error;
  });
  log(`UPLOAD:${kind.toUpperCase() as "VIDEO" | "MATERIAL" | "THUMBNAIL"}`).info(
    { uploadId: session!.id, key, size: input.size, multipart },
    "upload started",
  );
  await sweepUploadsSoon();
  const plan = await signTransfer(session!);
  return { uploadId: session!.id, key, expiresAt: session!.expiresAt.toISOString(), ...plan };
}
