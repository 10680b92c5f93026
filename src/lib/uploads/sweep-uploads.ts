import "server-only";
import { and, eq, inArray, isNotNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { certificates, courseMaterials, courses, lessons, submissionFiles, uploadSessions } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";
import { storageKeys, uploadIdOfStagingKey } from "@/lib/storage/keys";
import { discardUpload } from "./discard-upload";

/** A completed upload whose file nothing refers to is left this long first, so that a replace in flight is not raced. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
/**
 * A learner's file for an assignment is handed in by a later request, which accepts it for 23 hours after its upload
 * (src/lib/assignments/submissions.ts): it becomes an orphan a day after, if it was never handed in.
 */
export const SUBMISSION_ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what uploads left in storage:
 * - pending sessions past their expiry (never completed, refused or cancelled while storage was down) lose their
 *   parts, staging object and object, and become aborted;
 * - completed sessions whose file no lesson, course, material or handed-in submission refers to any more (replaced or
 *   removed while storage failed to delete it; a learner's file never handed in, after a day) lose the object too;
 * - ended sessions (completed or aborted) lose their staging object once their signed URLs have expired, and their
 *   staging_key is cleared. Not before: on S3 a URL still alive could write the staging object again after an early
 *   delete. An aborted one loses its object as well (a discard that storage failed);
 * - objects under the staging prefix that no session claims (its course or lesson was deleted, taking the session
 *   with it, or a PUT begun before its URL expired finished after the sweep) are deleted;
 * - certificate PDFs whose certificate is gone are deleted.
 */
export async function sweepUploads({ now = new Date(), batch = 200 } = {}): Promise<SweepCounts> {
  const expired = await db
    .select()
    .from(uploadSessions)
    .where(and(eq(uploadSessions.status, "pending"), lte(uploadSessions.expiresAt, now)))
    .orderBy(uploadSessions.expiresAt)
    .limit(batch);
  let expiredCount = 0;
  for (const session of expired) if (await discardUpload(session)) expiredCount += 1;

  const orphans = await db
    .select({ id: uploadSessions.id, objectKey: uploadSessions.objectKey })
    .from(uploadSessions)
    .where(
      and(
        eq(uploadSessions.status, "completed"),
        lt(uploadSessions.completedAt, new Date(now.getTime() - ORPHAN_GRACE_MS)),
        or(ne(uploadSessions.kind, "submission"), lt(uploadSessions.completedAt, new Date(now.getTime() - SUBMISSION_ORPHAN_GRACE_MS))),
        sql`not exists (select 1 from ${lessons} where ${lessons.videoKey} = ${uploadSessions.objectKey})`,
        sql`not exists (select 1 from ${courses} where ${courses.thumbnailKey} = ${uploadSessions.objectKey})`,
        sql`not exists (select 1 from ${courseMaterials} where ${courseMaterials.fileKey} = ${uploadSessions.objectKey})`,
        sql`not exists (select 1 from ${submissionFiles} where ${submissionFiles.objectKey} = ${uploadSessions.objectKey})`,
      ),
    )
    .limit(batch);
  let orphanCount = 0;
  for (const orphan of orphans) {
    try {
      await getStorage().delete(orphan.objectKey);
    } catch (error) {
      log("STORAGE").error({ err: error, key: orphan.objectKey }, "could not delete an orphaned upload");
      continue;
    }
    // Its file is gone: the session no longer stands for anything stored.
    await db.update(uploadSessions).set({ status: "aborted" }).where(eq(uploadSessions.id, orphan.id));
    orphanCount += 1;
  }

  const counts = {
    expired: expiredCount,
    orphaned: orphanCount,
    staging: await sweepEndedStaging(now, batch),
    strays: await sweepStrays(batch),
    certificates: await sweepCertificatePdfs(batch),
  };
  if (Object.values(counts).some(Boolean)) log("STORAGE").info(counts, "upload sweep");
  return counts;
}

export type SweepCounts = { expired: number; orphaned: number; staging: number; strays: number; certificates: number };

/** Certificate PDFs kept in storage whose certificate is gone (its learner's account was deleted) are deleted. */
const sweepCertificatePdfs = (batch: number) =>
  sweepUnclaimed(
    storageKeys.certificatesPrefix(),
    batch,
    async (keys) => {
      const codes = keys.map((key) => key.slice(storageKeys.certificatesPrefix().length).replace(/\.pdf$/, ""));
      const rows = await db.select({ code: certificates.code }).from(certificates).where(inArray(certificates.code, codes));
      return new Set(rows.map((c) => storageKeys.certificatePdf(c.code)));
    },
    "the PDF of a certificate that is gone",
  );

async function sweepEndedStaging(now: Date, batch: number): Promise<number> {
  const ended = await db
    .select({
      id: uploadSessions.id,
      status: uploadSessions.status,
      objectKey: uploadSessions.objectKey,
      stagingKey: uploadSessions.stagingKey,
    })
    .from(uploadSessions)
    .where(and(isNotNull(uploadSessions.stagingKey), ne(uploadSessions.status, "pending"), lte(uploadSessions.expiresAt, now)))
    .limit(batch);
  let count = 0;
  for (const session of ended) {
    try {
      await getStorage().delete(session.stagingKey!);
      if (session.status === "aborted") await getStorage().delete(session.objectKey);
    } catch (error) {
      log("STORAGE").error({ err: error, uploadId: session.id }, "could not delete an ended upload's staging object");
      continue;
    }
    await db.update(uploadSessions).set({ stagingKey: null }).where(eq(uploadSessions.id, session.id));
    count += 1;
  }
  return count;
}

/**
 * Deletes the objects under a prefix that nothing claims, listing them in batches: `claimed` answers which keys of a
 * batch are still referred to.
 */
async function sweepUnclaimed(
  prefix: string,
  batch: number,
  claimed: (keys: string[]) => Promise<Set<string>>,
  what: string,
): Promise<number> {
  let count = 0;
  let keys: string[] = [];
  const sweepKeys = async () => {
    const kept = keys.length === 0 ? new Set<string>() : await claimed(keys);
    for (const key of keys.filter((k) => !kept.has(k))) {
      try {
        await getStorage().delete(key);
        count += 1;
      } catch (error) {
        log("STORAGE").error({ err: error, key }, `could not delete ${what}`);
      }
    }
    keys = [];
  };
  for await (const key of getStorage().listKeys(prefix)) {
    keys.push(key);
    if (keys.length >= batch) await sweepKeys();
  }
  await sweepKeys();
  return count;
}

const sweepStrays = (batch: number) =>
  sweepUnclaimed(
    storageKeys.stagingPrefix(),
    batch,
    async (keys) => {
      const ids = keys.flatMap((key) => uploadIdOfStagingKey(key) ?? []);
      if (ids.length === 0) return new Set();
      const rows = await db.select({ stagingKey: uploadSessions.stagingKey }).from(uploadSessions).where(inArray(uploadSessions.id, ids));
      return new Set(rows.flatMap((s) => s.stagingKey ?? []));
    },
    "a staging object no upload claims",
  );
