import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { uploadIdOfStagingKey } from "@/lib/storage/keys";

/** A signed write the local storage routes are about to take: an object PUT, or a part PUT of a multipart upload. */
export type SignedWrite = { route: "objects"; key: string } | { route: "multipart"; key: string; multipartUploadId: string };

const ended = () => new AppError("FORBIDDEN", "This upload has ended. Start it again.");

async function sessionWriting(write: SignedWrite) {
  const columns = {
    status: uploadSessions.status,
    expiresAt: uploadSessions.expiresAt,
    stagingKey: uploadSessions.stagingKey,
    multipartUploadId: uploadSessions.multipartUploadId,
  };
  if (write.route === "multipart") {
    const [session] = await db.select(columns).from(uploadSessions).where(eq(uploadSessions.objectKey, write.key));
    return session?.multipartUploadId === write.multipartUploadId ? session : undefined;
  }
  const uploadId = uploadIdOfStagingKey(write.key);
  if (!uploadId) return undefined;
  const [session] = await db.select(columns).from(uploadSessions).where(eq(uploadSessions.id, uploadId));
  return session?.stagingKey === write.key ? session : undefined;
}

/**
 * Lets a signed PUT of the local driver write only while the upload it belongs to is pending and unexpired. A signed
 * URL lives as long as its upload was meant to and nothing revokes it, so without this it would still write after the
 * upload was completed or cancelled. An object PUT may write nothing but its upload's staging key (the upload is the
 * `<id>` of `uploads/<id>/…`); a part PUT belongs to the upload whose final key and multipart upload id it carries.
 * S3 cannot ask this: there a late PUT can only re-create a staging object, which the sweeper removes, and part URLs
 * die with their multipart upload.
 *
 * It is asked here, in lib/uploads (receiveSignedPut), and not by the local driver, so that the storage layer knows
 * nothing of upload sessions. Throws (an AppError) to refuse the write.
 */
export async function admitUploadWrite(write: SignedWrite): Promise<void> {
  const session = await sessionWriting(write);
  if (!session || session.status !== "pending" || session.expiresAt.getTime() <= Date.now()) throw ended();
}
