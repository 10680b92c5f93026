import "server-only";
import { sql } from "drizzle-orm";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import { notifyCompleted } from "@/lib/notifications/triggers";
import type { Transaction } from "@/lib/db/client";
import { enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";

export type ProgressRow = { id: string; progress: number; completedAt: Date | null };

/**
 * The one progress rule, applied inside the caller's transaction: completed lessons of the course that still exist /
 * its lessons, rounded down; 100 only when all are done; completed_at set when it reaches 100 (kept if it was already)
 * and cleared below. For one enrollment (a lesson completed) the row is always written, with its last access, and
 * returned; for every enrollment of the course (a lesson added, moved or deleted) only the rows whose figures change.
 * A row at 100 issues the course's certificate if it has them on and the learner has none yet.
 */
export async function recomputeProgress(
  tx: Transaction,
  courseId: string,
  { enrollmentId, accessedAt }: { enrollmentId?: string; accessedAt?: Date } = {},
): Promise<ProgressRow[]> {
  const oneEnrollment = enrollmentId ? sql`and e.id = ${enrollmentId}` : sql``;
  const oneProgress = enrollmentId ? sql`and lp.enrollment_id = ${enrollmentId}` : sql``;
  const onlyChanged = enrollmentId ? sql`` : sql`and (e.progress <> c.progress or (c.progress = 100) <> (e.completed_at is not null))`;
  const touch = accessedAt ? sql`, last_accessed_at = ${accessedAt.toISOString()}::timestamptz` : sql``;
  const result = await tx.execute<{ id: string; progress: number; completed_at: string | Date | null }>(sql`
    with total as (
      select count(*)::int as n from ${lessons} l join ${modules} m on m.id = l.module_id where m.course_id = ${courseId}
    ),
    done as (
      select lp.enrollment_id, count(*)::int as n
      from ${lessonProgress} lp
      join ${lessons} l on l.id = lp.lesson_id
      join ${modules} m on m.id = l.module_id
      where m.course_id = ${courseId} and lp.completed ${oneProgress}
      group by lp.enrollment_id
    ),
    computed as (
      select e.id, e.completed_at as was_completed_at, case when t.n = 0 then 0 else (100 * coalesce(d.n, 0)) / t.n end as progress
      from ${enrollments} e cross join total t left join done d on d.enrollment_id = e.id
      where e.course_id = ${courseId} ${oneEnrollment}
    )
    update ${enrollments} e
    set progress = c.progress,
        completed_at = case when c.progress = 100 then coalesce(e.completed_at, now()) else null end
        ${touch}
    from computed c
    where e.id = c.id ${onlyChanged}
    returning e.id, e.progress, e.completed_at, (c.was_completed_at is null and e.completed_at is not null) as newly_completed`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    progress: number;
    completed_at: string | Date | null;
    newly_completed: boolean;
  }[];
  const written = rows.map((r) => ({
    id: r.id,
    progress: Number(r.progress),
    completedAt: r.completed_at === null ? null : new Date(r.completed_at),
  }));
  // Completing the course issues its certificate in this same transaction, when the course has them on.
  const completed = written.filter((r) => r.completedAt !== null).map((r) => r.id);
  if (completed.length > 0) await issueCertificates(tx, courseId, completed);
  const newly = rows.filter((r) => r.newly_completed === true).map((r) => r.id);
  if (newly.length > 0) await notifyCompleted(tx, courseId, newly);
  return written;
}
