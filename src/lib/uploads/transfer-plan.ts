import "server-only";
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
export const partBytes = (size: number, partSize: number, partNumber: number) =>
  Math.min(partSize, size - (partNumber - 1) * partSize);

/** Fresh signed URLs for what is still to send: the whole file, or the parts storage does not hold yet. */
export async function signTransfer(
  session: Pick<UploadSession, "objectKey" | "contentType" | "declaredSize" | "multipartUploadId" | "partSize" | "expiresAt">,
): Promise<TransferPlan> {
  const storage = getStorage();
  const expiresInSeconds = Math.max(60, Math.min(UPLOAD_TTL_SECONDS, Math.ceil((session.expiresAt.getTime() - Date.now()) / 1000)));
  const size = session.declaredSize;
  if (!session.multipartUploadId) {
    const signed = await storage.signPut(session.objectKey, { contentType: session.contentType, size, expiresInSeconds });
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
