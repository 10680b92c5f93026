import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type UploadSession, uploadSessions } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";

export type DiscardableUpload = Pick<UploadSession, "id" | "objectKey" | "stagingKey" | "multipartUploadId">;

/**
 * Removes what a session stored (its unfinished multipart upload, its staging object and its object) and marks it
 * aborted. staging_key stays set: a signed PUT still alive on S3 could write the staging object again, and the sweeper
 * removes it once the session's URLs have expired.
 *
 * When storage fails, the session can no longer complete either way, and the sweeper tries again. A single-PUT session
 * is marked aborted all the same: the sweeper removes an ended session's staging object and object after its expiry.
 * A multipart session stays pending but expires now (its part URLs write nothing once its upload is aborted, so its
 * expiry may move): a pending session past its expiry is exactly "something may still be stored".
 */
export async function discardUpload(session: DiscardableUpload): Promise<boolean> {
  const storage = getStorage();
  try {
    if (session.multipartUploadId) await storage.abortMultipart(session.objectKey, session.multipartUploadId);
    if (session.stagingKey) await storage.delete(session.stagingKey);
    await storage.delete(session.objectKey);
  } catch (error) {
    log("STORAGE").error(
      { err: error, uploadId: session.id, key: session.objectKey },
      "could not discard an upload; the sweeper will retry",
    );
    const retry = session.stagingKey ? { status: "aborted" as const } : { expiresAt: new Date() };
    await db.update(uploadSessions).set(retry).where(eq(uploadSessions.id, session.id));
    return false;
  }
  await db.update(uploadSessions).set({ status: "aborted" }).where(eq(uploadSessions.id, session.id));
  return true;
}
