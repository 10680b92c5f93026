import "server-only";
import { and, eq, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";

/**
 * The staging objects uploads to a course or to lessons may still hold. Read inside the transaction that deletes the
 * course or lessons, before the upload rows cascade away with them, so that the caller can delete the objects after
 * the commit (the sweeper removes staging objects no upload claims, should that fail).
 */
export async function stagingKeysOf(tx: Transaction, of: { courseId?: string; lessonIds?: string[] }): Promise<string[]> {
  const scopes: SQL[] = [];
  if (of.courseId) scopes.push(eq(uploadSessions.courseId, of.courseId));
  if (of.lessonIds?.length) scopes.push(inArray(uploadSessions.lessonId, of.lessonIds));
  if (scopes.length === 0) return [];
  const rows = await tx
    .select({ key: uploadSessions.stagingKey })
    .from(uploadSessions)
    .where(and(isNotNull(uploadSessions.stagingKey), or(...scopes)));
  return rows.flatMap((r) => (r.key ? [r.key] : []));
}
