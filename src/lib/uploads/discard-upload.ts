import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type UploadSession, uploadSessions } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";

/**
 * Removes what a session stored (its unfinished multipart upload and its object) and marks it aborted. When storage
 * fails, the session stays pending but expires now, so the sweeper tries again: a pending session past its expiry is
 * exactly "something may still be stored".
 */
export async function discardUpload(session: Pick<UploadSession, "id" | "objectKey" | "multipartUploadId">): Promise<boolean> {
  const storage = getStorage();
  try {
    if (session.multipartUploadId) await storage.abortMultipart(session.objectKey, session.multipartUploadId);
    await storage.delete(session.objectKey);
  } catch (error) {
    log("STORAGE").error({ err: error, uploadId: session.id, key: session.objectKey }, "could not discard an upload; the sweeper will retry");
    await db.update(uploadSessions).set({ expiresAt: new Date() }).where(eq(uploadSessions.id, session.id));
    return false;
  }
  await db.update(uploadSessions).set({ status: "aborted" }).where(eq(uploadSessions.id, session.id));
  return true;
}
