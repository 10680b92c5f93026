import "server-only";
import { AppError } from "@/lib/http/errors";
import { MULTIPART_THRESHOLD, type StoredPart, partPlan } from "@/lib/storage/driver";
import { getStorage } from "@/lib/storage";
import type { UploadSession } from "@/lib/db/schema";

/** A pending upload lives a day; its signed URLs as long, so that a slow 4 GiB upload never outlives them. */
export const UPLOAD_TTL_SECONDS = 24 * 3600;

export type SinglePlan = { url: string; headers: Record<string, string> };
export type MultipartPlan = { partSize: number; partCount: number; parts: { partNumber: number; url: string }[]; done: StoredPart[] };
export type TransferPlan = { single: SinglePlan; multipart?: never } | { multipart: MultipartPlan; single?: never };

export const isMultipartSize = (size: number) => size > MULTIPART_THRESHOLD;

/** The byte count of part `partNumber` (1-based) of a file of `size` bytes cut in `partSize` parts. */
export const partBytes = (size: number, partSize: number, partNumber: number) => Math.min(partSize, size - (partNumber - 1) * partSize);

/**
 * Fresh signed URLs for what is still to send: the whole file (to the staging key), or the parts storage does not hold
 * yet. No URL outlives its session's expires_at: the sweeper counts on that when it removes a staging object for good.
 */
export async function signTransfer(
  session: Pick<
    UploadSession,
    "objectKey" | "stagingKey" | "contentType" | "declaredSize" | "multipartUploadId" | "partSize" | "expiresAt"
  >,
): Promise<TransferPlan> {
  const storage = getStorage();
  const secondsLeft = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  if (secondsLeft < 1) throw new AppError("NOT_FOUND", "This upload has expired. Start it again.");
  const expiresInSeconds = Math.min(UPLOAD_TTL_SECONDS, secondsLeft);
  const size = session.declaredSize;
  if (!session.multipartUploadId) {
    // Started before staging keys existed: its URL would write the final key, so it is never signed again.
    if (!session.stagingKey) throw new AppError("NOT_FOUND", "This upload has ended. Start it again.");
    const signed = await storage.signPut(session.stagingKey, { contentType: session.contentType, size, expiresInSeconds });
    return { single: { url: signed.url, headers: signed.headers } };
  }
  const partSize = session.partSize ?? partPlan(size).partSize;
  const partCount = Math.ceil(size / partSize);
  const stored = await storage.listParts(session.objectKey, session.multipartUploadId);
  const done = stored.filter((p) => p.partNumber <= partCount && p.size === partBytes(size, partSize, p.partNumber));
  const have = new Set(done.map((p) => p.partNumber));
  const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !have.has(n));
  const parts = await Promise.all(
    missing.map(async (partNumber) => ({
      partNumber,
      url: await storage.signPart(session.objectKey, session.multipartUploadId!, partNumber, {
        size: partBytes(size, partSize, partNumber),
        expiresInSeconds,
      }),
    })),
  );
  return { multipart: { partSize, partCount, parts, done } };
}
