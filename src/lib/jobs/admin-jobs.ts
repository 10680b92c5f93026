import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { requireRoleOf } from "@/lib/auth/viewer";
import { AppError } from "@/lib/http/errors";
import { JOBS_PAGE_SIZE, type JobListQuery, type JobListState, type RunScheduleInput } from "@/lib/validation/jobs";
import { deadLetterQueueOf, getJobQueue, JOBS_SCHEMA, transactionExecutor } from "./queue";

/**
 * What admins see of the queue. pg-boss keeps every queue's jobs in one partitioned table, `pgboss.job`, with the queue's
 * name on each row; dead-letter queues are queues named `<queue>.dead`, and pg-boss's own (the schedules' sender) start
 * with `__pgboss`. Completed jobs are not listed: pg-boss archives them.
 */

const DEAD_SUFFIX = deadLetterQueueOf("");

const stateFilter: Record<JobListState, string> = {
  queued: `state in ('created', 'retry') and name not like '%${DEAD_SUFFIX}'`,
  active: `state = 'active'`,
  failed: `state = 'failed' and name not like '%${DEAD_SUFFIX}'`,
  // A dead letter waits in its queue as a new job; nothing works that queue, an admin retries it from its failed original.
  dead: `name like '%${DEAD_SUFFIX}'`,
};

export type QueueCounts = { name: string; queued: number; active: number; failed: number; dead: number };

export type ListedJob = {
  id: string;
  queue: string;
  state: string;
  tries: number;
  retryLimit: number;
  createdOn: Date;
  finishedOn: Date | null;
  /** The last error's message, for a failed job or a dead letter. */
  error: string | null;
  retryable: boolean;
};

async function rows<T>(text: string, values?: unknown[]): Promise<T[]> {
  return (await getJobQueue().connection.executeSql(text, values)).rows as T[];
}

const errorOf = (output: unknown): string | null => {
  if (!output || typeof output !== "object") return null;
  const message = (output as { message?: unknown }).message;
  return typeof message === "string" ? message.slice(0, 500) : null;
};

/** Admins: per queue, how many jobs wait, run, failed, and lie in its dead-letter queue. */
export async function countJobsByQueue(viewer: Viewer | null): Promise<QueueCounts[]> {
  requireRoleOf(viewer, "ADMIN");
  await getJobQueue().start();
  const counted = await rows<{ queue: string; dead: boolean; state: string; n: number }>(
    `select regexp_replace(name, '${DEAD_SUFFIX.replace(".", "\\.")}$', '') as queue, name like '%${DEAD_SUFFIX}' as dead, state::text, count(*)::int as n
       from ${JOBS_SCHEMA}.job where name not like '\\_\\_pgboss%' group by 1, 2, 3`,
  );
  const queues = await rows<{ name: string }>(
    `select name from ${JOBS_SCHEMA}.queue where name not like '\\_\\_pgboss%' and name not like '%${DEAD_SUFFIX}' order by name`,
  );
  return queues.map(({ name }) => {
    const of = (predicate: (r: (typeof counted)[number]) => boolean) =>
      counted.filter((r) => r.queue === name && predicate(r)).reduce((sum, r) => sum + r.n, 0);
    return {
      name,
      queued: of((r) => !r.dead && (r.state === "created" || r.state === "retry")),
      active: of((r) => !r.dead && r.state === "active"),
      failed: of((r) => !r.dead && r.state === "failed"),
      dead: of((r) => r.dead),
    };
  });
}

/** Admins: the jobs in one state, newest first, a page at a time. */
export async function listJobs(viewer: Viewer | null, query: JobListQuery) {
  requireRoleOf(viewer, "ADMIN");
  await getJobQueue().start();
  const where = `${stateFilter[query.state]} and name not like '\\_\\_pgboss%'`;
  const [{ total }] = (await rows<{ total: number }>(`select count(*)::int as total from ${JOBS_SCHEMA}.job where ${where}`)) as [
    { total: number },
  ];
  const pageCount = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const found = await rows<{
    id: string;
    name: string;
    state: string;
    retry_count: number;
    retry_limit: number;
    created_on: Date;
    completed_on: Date | null;
    output: unknown;
  }>(
    `select id, name, state::text, retry_count, retry_limit, created_on, completed_on, output from ${JOBS_SCHEMA}.job
      where ${where} order by created_on desc, id limit $1 offset $2`,
    [JOBS_PAGE_SIZE, (page - 1) * JOBS_PAGE_SIZE],
  );
  const jobs: ListedJob[] = found.map((j) => ({
    id: j.id,
    queue: j.name,
    state: j.state,
    tries: j.retry_count + (j.state === "created" ? 0 : 1),
    retryLimit: j.retry_limit,
    createdOn: new Date(j.created_on),
    finishedOn: j.completed_on ? new Date(j.completed_on) : null,
    error: errorOf(j.output),
    retryable: j.state === "failed" && !j.name.endsWith(DEAD_SUFFIX),
  }));
  return { jobs, total, page, pageCount };
}

/**
 * Admins: a failed job goes back to its queue for one more try (pg-boss's retry), and the copy its failure left in the
 * dead-letter queue is removed in the same transaction, so the dead list shows only what still needs someone.
 * 404 for no such job; 409 for a job that has not failed (waiting, running, done, or a dead letter itself).
 */
export async function retryJob(viewer: Viewer | null, jobId: string): Promise<{ id: string; queue: string; state: "retry" }> {
  requireRoleOf(viewer, "ADMIN");
  const queue = getJobQueue();
  await queue.start();
  const [job] = await rows<{ name: string; state: string; data: unknown; output: unknown }>(
    `select name, state::text, data, output from ${JOBS_SCHEMA}.job where id = $1 and name not like '\\_\\_pgboss%'`,
    [jobId],
  );
  if (!job) throw new AppError("NOT_FOUND", "No such job.");
  if (job.state !== "failed" || job.name.endsWith(DEAD_SUFFIX)) {
    throw new AppError("CONFLICT", "Only a failed job can be retried.");
  }
  const retried = await db.transaction(async (tx) => {
    const executor = transactionExecutor(tx, queue.connection);
    // pg-boss's retry, on the transaction; its typings say void, it answers how many jobs it moved.
    const moved = (await queue.boss.retry(job.name, jobId, { db: executor as PgBoss.Db })) as unknown as { affected: number };
    if (moved.affected === 0) return false;
    await executor.executeSql(
      `delete from ${JOBS_SCHEMA}.job where name = $1 and id = (
         select id from ${JOBS_SCHEMA}.job where name = $1 and data = $2::jsonb and state = 'created' order by created_on limit 1)`,
      [deadLetterQueueOf(job.name), JSON.stringify(job.data ?? null)],
    );
    return true;
  });
  // Another admin retried it a moment earlier.
  if (!retried) throw new AppError("CONFLICT", "Only a failed job can be retried.");
  return { id: jobId, queue: job.name, state: "retry" };
}

/** Admins: a scheduled job now, besides its schedule (the digests after a change of plan, a sweep after a clean-up). */
export async function runScheduledJobNow(viewer: Viewer | null, input: RunScheduleInput): Promise<{ id: string; queue: string }> {
  requireRoleOf(viewer, "ADMIN");
  const id = await getJobQueue().enqueue(input.queue, {});
  return { id: id!, queue: input.queue };
}
