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
import { uploadScope } from "./upload-scope";
import { type TransferPlan, UPLOAD_TTL_SECONDS, isMultipartSize, signTransfer } from "./transfer-plan";

export type StartedUpload = { uploadId: string; key: string; expiresAt: string } & TransferPlan;

/** The kinds a course's editor uploads; a learner's submitted file is started in src/lib/assignments. */
export type EditorUploadKind = Exclude<UploadKind, "submission">;

/** Where the file will be stored; a material's key carries the id its row will get. */
function objectKeyFor(kind: EditorUploadKind, courseId: string, lessonId: string | undefined, fileName: string): string {
  if (kind === "thumbnail") return storageKeys.courseThumbnail(courseId, fileName);
  if (kind === "video") return storageKeys.lessonVideo(lessonId!, fileName);
  const materialId = randomUUID();
  return lessonId ? storageKeys.lessonMaterial(lessonId, materialId, fileName) : storageKeys.courseMaterial(courseId, materialId, fileName);
}

/**
 * Starts a direct-to-storage upload for the course's editor: checks the lesson belongs to the course, the declared
 * type is in the kind's whitelist and the size within its limit, then opens the session.
 */
export async function startUpload<K extends EditorUploadKind>(
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
    // A quiz or an assignment may keep an introduction and handouts, but it is not a video lesson.
    if (kind === "video" && lesson.kind !== "lesson") {
      throw new AppError(
        "CONFLICT",
        `A${lesson.kind === "quiz" ? " quiz" : "n assignment"} has no video: add the video to a lesson instead.`,
        {
          fields: { lessonId: `A${lesson.kind === "quiz" ? " quiz" : "n assignment"} has no video.` },
        },
      );
    }
  }
  checkDeclared(kind, input);
  return openUploadSession({
    userId: uploader.id,
    kind,
    courseId: input.courseId,
    lessonId: lessonId ?? null,
    key: objectKeyFor(kind, input.courseId, lessonId, input.fileName),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
  });
}

/** The kind's whitelist and the configured size limit, as a 4xx naming the field. */
export function checkDeclared(kind: UploadKind, input: { contentType: string; size: number }) {
  const refusal = checkDeclaredFile(kind, { type: input.contentType, size: input.size }, uploadLimits());
  if (refusal)
    throw new AppError(refusal.code, refusal.message, {
      fields: { [refusal.code === "PAYLOAD_TOO_LARGE" ? "size" : "contentType"]: refusal.message },
    });
}

/**
 * Records a pending session for a file that passed its kind's checks and returns signed URLs for the browser (one PUT
 * up to 64 MiB, to a staging key; parts above). Nothing is attached until completeUpload has checked the stored bytes.
 */
export async function openUploadSession(file: {
  userId: string;
  kind: UploadKind;
  courseId: string;
  lessonId: string | null;
  key: string;
  fileName: string;
  contentType: string;
  size: number;
}): Promise<StartedUpload> {
  const { kind, key } = file;
  const storage = getStorage();
  const id = randomUUID();
  // Why two plans. A single PUT writes a staging key, and completion copies the checked bytes to `key`: its URL stays
  // alive for the rest of the day and cannot be revoked on S3, so it must never point at a key learners download.
  // Multipart parts are written under `key` itself: their URLs die with the multipart upload (CompleteMultipartUpload
  // and AbortMultipartUpload end it; a later part PUT gets NoSuchUpload, and the local driver's .multipart folder is
  // gone), so no live URL writes `key` once the upload has ended. Staging those too would mean copying up to 4 GiB
  // inside the completion request (UploadPartCopy, which s3rver cannot test either) for no gain.
  const multipart = isMultipartSize(file.size);
  const stagingKey = multipart ? null : storageKeys.uploadStaging(id, file.fileName);
  const multipartUploadId = multipart ? await storage.createMultipart(key, { contentType: file.contentType }) : null;
  const insert = db
    .insert(uploadSessions)
    .values({
      id,
      userId: file.userId,
      kind,
      courseId: file.courseId,
      lessonId: file.lessonId,
      objectKey: key,
      stagingKey,
      fileName: file.fileName,
      contentType: file.contentType,
      declaredSize: file.size,
      multipartUploadId,
      partSize: multipart ? partPlan(file.size).partSize : null,
      expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000),
    })
    .returning();
  const [session] = await insert.catch(async (error: unknown) => {
    if (multipartUploadId) await storage.abortMultipart(key, multipartUploadId).catch(() => undefined);
    throw error;
  });
  log(uploadScope(kind)).info({ uploadId: session!.id, key, size: file.size, multipart }, "upload started");
  const plan = await signTransfer(session!);
  return { uploadId: session!.id, key, expiresAt: session!.expiresAt.toISOString(), ...plan };
}
