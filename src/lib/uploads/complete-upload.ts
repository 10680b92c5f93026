import "server-only";
import { materialColumns } from "@/lib/curriculum/manage-materials";
import { and, eq, gt } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { removeStoredObjects } from "@/lib/courses/remove-stored-objects";
import { faultPoint } from "@/lib/faults/fault-point";
import { catalogChanged } from "@/lib/courses/search-catalog";
import { db, type Transaction } from "@/lib/db/client";
import { type UploadSession, courseMaterials, courses, lessons, uploadSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { log } from "@/lib/log/logger";
import { type CompletedPart, noSuchUpload } from "@/lib/storage/driver";
import { getStorage } from "@/lib/storage";
import { formatBytes } from "@/lib/format";
import { type UploadKind, displayFileName } from "@/lib/validation/file-types";
import { type CompleteUploadInput } from "@/lib/validation/upload";
import { discardUpload } from "./discard-upload";
import { SNIFF_BYTES, type SniffedFile, sniffFile } from "./sniff-file";
import { partBytes } from "./transfer-plan";
import { requireOwnUpload } from "./upload-access";
import { uploadScope } from "./upload-scope";

export type AttachedVideo = { lessonId: string; videoKey: string; fileName: string; videoSize: number; videoMimeType: string };
export type AttachedThumbnail = { courseId: string; thumbnailKey: string; fileName: string };
export type AttachedMaterial = {
  id: string;
  courseId: string;
  lessonId: string | null;
  fileName: string;
  fileType: string;
  fileSize: number;
  materialType: string;
  createdAt: Date;
};
/** A learner's checked file, waiting to be handed in with their submission (which names its uploadId). */
export type UploadedSubmissionFile = { uploadId: string; fileName: string; contentType: string; size: number };
export type AttachedFile<K extends UploadKind> = K extends "video"
  ? AttachedVideo
  : K extends "thumbnail"
    ? AttachedThumbnail
    : K extends "submission"
      ? UploadedSubmissionFile
      : AttachedMaterial;

/** Joins a multipart upload once every part is there; a missing part is the client's to send, so nothing is discarded. */
async function joinParts(session: UploadSession, sent: CompletedPart[] | undefined) {
  const storage = getStorage();
  const partSize = session.partSize!;
  const partCount = Math.ceil(session.declaredSize / partSize);
  const stored = await storage.listParts(session.objectKey, session.multipartUploadId!).catch((error: unknown) => {
    // Joined already by an earlier attempt whose response was lost: the object is there.
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (stored === null) {
    if (await storage.head(session.objectKey)) return;
    throw noSuchUpload();
  }
  const byNumber = new Map(stored.map((p) => [p.partNumber, p]));
  for (let n = 1; n <= partCount; n++) {
    if (byNumber.get(n)?.size !== partBytes(session.declaredSize, partSize, n)) {
      throw new AppError("BAD_REQUEST", `Part ${n} of ${partCount} has not arrived. Send it, then complete the upload.`);
    }
  }
  const etags = new Map((sent ?? []).map((p) => [p.partNumber, p.etag]));
  const parts = Array.from({ length: partCount }, (_, i) => ({ partNumber: i + 1, etag: etags.get(i + 1) ?? byNumber.get(i + 1)!.etag }));
  await storage.completeMultipart(session.objectKey, session.multipartUploadId!, parts);
}

async function readSample(key: string, size: number): Promise<Buffer> {
  const { body } = await getStorage().read(key, { start: 0, end: Math.min(SNIFF_BYTES, size) - 1 });
  return Buffer.concat((await body.toArray()) as Buffer[]);
}

/**
 * Checks the bytes stored at `key`: the declared size, then the sniffed type. A refusal removes what the session
 * stored and ends it.
 */
async function verifyStoredFile(session: UploadSession, key: string): Promise<SniffedFile> {
  const kind = session.kind;
  const info = await getStorage().head(key);
  if (!info) throw new AppError("BAD_REQUEST", "The file has not arrived in storage. Upload it, then complete the upload.");
  try {
    if (info.size !== session.declaredSize) {
      throw new AppError(
        "BAD_REQUEST",
        `The stored file is ${formatBytes(info.size)} (${info.size} bytes) but ${session.declaredSize} bytes were declared. Upload it again.`,
      );
    }
    const sample = await readSample(key, info.size);
    return await sniffFile(kind, session.contentType, sample, { truncated: info.size > sample.length });
  } catch (error) {
    if (error instanceof AppError) {
      log(uploadScope(kind)).warn({ uploadId: session.id, key, reason: error.userMessage }, "upload refused");
      await discardUpload(session);
    }
    throw error;
  }
}

/**
 * Puts the uploaded bytes at the session's final key and checks them there. A multipart upload is joined in place. A
 * single PUT landed on the staging key, which its URL can still write while the session is pending: the staging
 * object is checked first (a refused file is never copied), then copied, and what is attached is checked again at the
 * final key, which no URL can write, so bytes swapped in between the check and the copy are caught.
 */
async function placeFile(session: UploadSession, parts: CompletedPart[] | undefined): Promise<SniffedFile> {
  if (session.multipartUploadId) {
    await joinParts(session, parts);
  } else if (session.stagingKey) {
    await verifyStoredFile(session, session.stagingKey);
    await getStorage().copy(session.stagingKey, session.objectKey);
  } else {
    // Started before staging keys existed: its URL wrote the final key directly, so its bytes are not trusted.
    await discardUpload(session);
    throw new AppError("NOT_FOUND", "This upload has ended. Start it again.");
  }
  return verifyStoredFile(session, session.objectKey);
}

const materialIdOf = (key: string) => /\/materials\/([0-9a-f-]{36})-/.exec(key)?.[1];

async function attach(tx: Transaction, session: UploadSession, file: SniffedFile) {
  const fileName = displayFileName(session.fileName);
  const key = session.objectKey;
  if (session.kind === "video") {
    const [lesson] = await tx.select({ videoKey: lessons.videoKey }).from(lessons).where(eq(lessons.id, session.lessonId!)).for("update");
    if (!lesson) throw new AppError("NOT_FOUND", "This lesson no longer exists.");
    await tx
      .update(lessons)
      .set({ videoKey: key, videoSize: session.declaredSize, videoMimeType: file.mime, videoDuration: null, updatedAt: new Date() })
      .where(eq(lessons.id, session.lessonId!));
    const attached: AttachedVideo = {
      lessonId: session.lessonId!,
      videoKey: key,
      fileName,
      videoSize: session.declaredSize,
      videoMimeType: file.mime,
    };
    return { attached, replaced: lesson.videoKey };
  }
  if (session.kind === "thumbnail") {
    const [course] = await tx
      .select({ thumbnailKey: courses.thumbnailKey })
      .from(courses)
      .where(eq(courses.id, session.courseId))
      .for("update");
    if (!course) throw new AppError("NOT_FOUND", "This course no longer exists.");
    // The key is the thumbnail; pages sign a URL for it. A stale external URL must not win over the new file.
    await tx.update(courses).set({ thumbnailKey: key, thumbnailUrl: null, updatedAt: new Date() }).where(eq(courses.id, session.courseId));
    const attached: AttachedThumbnail = { courseId: session.courseId, thumbnailKey: key, fileName };
    return { attached, replaced: course.thumbnailKey };
  }
  if (session.kind === "submission") {
    // Handed in later, with the submission's text: POST …/submission names this upload.
    const attached: UploadedSubmissionFile = { uploadId: session.id, fileName, contentType: file.mime, size: session.declaredSize };
    return { attached, replaced: null };
  }
  const [material] = await tx
    .insert(courseMaterials)
    .values({
      ...(materialIdOf(key) ? { id: materialIdOf(key) } : {}),
      courseId: session.courseId,
      lessonId: session.lessonId,
      fileName,
      fileKey: key,
      fileType: file.mime,
      fileSize: session.declaredSize,
      materialType: file.materialType,
    })
    .returning({ ...materialColumns, courseId: courseMaterials.courseId });
  return { attached: material as AttachedMaterial, replaced: null };
}

/**
 * After a completion failed: whether its session ended meanwhile (cancelled, or deleted with its course or lesson).
 * Such a session had its objects removed, perhaps before this completion's file landed, so the file is removed here.
 * A session still pending keeps it (a retried completion places it again), and one completed by a concurrent request
 * has its file at that same key.
 */
async function endedMeanwhile(session: UploadSession): Promise<boolean> {
  const [current] = await db.select({ status: uploadSessions.status }).from(uploadSessions).where(eq(uploadSessions.id, session.id));
  if (current && current.status !== "aborted") return false;
  await removeStoredObjects({ keys: [session.objectKey] });
  return true;
}

const changedMeanwhile = () => new AppError("CONFLICT", "This upload was completed or cancelled meanwhile.");

async function placeAndAttach(session: UploadSession, parts: CompletedPart[] | undefined) {
  const file = await placeFile(session, parts);
  faultPoint("upload:before-claim");
  const { attached, replaced } = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(uploadSessions)
      .set({ status: "completed", completedAt: new Date() })
      .where(and(eq(uploadSessions.id, session.id), eq(uploadSessions.status, "pending"), gt(uploadSessions.expiresAt, new Date())))
      .returning({ id: uploadSessions.id });
    if (!claimed) throw changedMeanwhile();
    faultPoint("upload:after-claim");
    return attach(tx, session, file);
  });
  return { file, attached, replaced };
}

/**
 * Finishes an upload of its uploader (or an admin): joins its parts or copies its staging object to the
 * final key, checks the stored size and sniffed type, then in one transaction attaches the file (lesson video, course
 * thumbnail or a new material) and marks the session completed. The file it replaces and the staging object are
 * deleted after the commit.
 */
export async function completeUpload<K extends UploadKind>(
  viewer: Viewer | null,
  kind: K,
  input: CompleteUploadInput,
): Promise<AttachedFile<K>> {
  const session = await requireOwnUpload(viewer, input.uploadId, kind);
  if (session.status === "completed") throw new AppError("CONFLICT", "This upload is already complete.");
  if (session.status === "aborted") throw new AppError("NOT_FOUND", "This upload was cancelled. Start it again.");
  if (session.expiresAt.getTime() <= Date.now()) throw new AppError("NOT_FOUND", "This upload has expired. Start it again.");

  const { file, attached, replaced } = await placeAndAttach(session, input.parts).catch(async (error: unknown) => {
    // A copy whose staging object a cancel just removed fails with storage's own error: it is the cancel that won.
    if ((await endedMeanwhile(session)) && !(error instanceof AppError)) throw changedMeanwhile();
    throw error;
  });
  // Thumbnails show on catalog cards.
  if (session.kind === "thumbnail") catalogChanged();
  faultPoint("upload:before-delete-replaced");
  if (replaced && replaced !== session.objectKey) await removeStoredObjects({ keys: [replaced] });
  // Nothing reads the staging object any more. A URL still alive may write it again; the sweeper removes that.
  if (session.stagingKey) await removeStoredObjects({ keys: [session.stagingKey] });
  log(uploadScope(kind)).info({ uploadId: session.id, key: session.objectKey, type: file.mime, replaced }, "upload attached");
  return attached as AttachedFile<K>;
}
