import "server-only";
import { after } from "next/server";
import { and, eq, lt, lte, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, lessons, uploadSessions } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";
import { discardUpload } from "./discard-upload";

/** How often one instance sweeps at most; every instance may, since a sweep is idempotent. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/** A completed upload whose file nothing refers to is left this long first, so that a replace in flight is not raced. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes what uploads left in storage: pending sessions past their expiry (never completed, refused or cancelled
 * while storage was down) lose their parts and object and become aborted; completed sessions whose file no lesson,
 * course or material refers to any more (replaced or removed while storage failed to delete it) lose the object too.
 */
export async function sweepUploads({ now = new Date(), batch = 200 } = {}): Promise<{ expired: number; orphaned: number }> {
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
        sql`not exists (select 1 from ${lessons} where ${lessons.videoKey} = ${uploadSessions.objectKey})`,
        sql`not exists (select 1 from ${courses} where ${courses.thumbnailKey} = ${uploadSessions.objectKey})`,
        sql`not exists (select 1 from ${courseMaterials} where ${courseMaterials.fileKey} = ${uploadSessions.objectKey})`,
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
  if (expiredCount || orphanCount) log("STORAGE").info({ expired: expiredCount, orphaned: orphanCount }, "upload sweep");
  return { expired: expiredCount, orphaned: orphanCount };
}

const globalForSweep = globalThis as unknown as { __budhhubLastUploadSweep?: number };

/** Sweeps after the current response, at most once per SWEEP_INTERVAL_MS per process; outside a request it does nothing. */
export function sweepUploadsSoon(): void {
  const last = globalForSweep.__budhhubLastUploadSweep ?? 0;
  if (Date.now() - last < SWEEP_INTERVAL_MS) return;
  try {
    after(() => sweepUploads().catch((error: unknown) => log("STORAGE").error({ err: error }, "upload sweep failed")));
    globalForSweep.__budhhubLastUploadSweep = Date.now();
  } catch {
    // No request to run after (tests, scripts): they call sweepUploads themselves.
  }
}
