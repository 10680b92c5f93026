import "server-only";
import PgBoss from "pg-boss";
import { getConnection, type Transaction } from "@/lib/db/client";
import { executeOnPglite, type Connection, type SqlResult } from "@/lib/db/connect";
import { log } from "@/lib/log/logger";

/**
 * Background work on a job queue kept in our own database (pg-boss, in its own schema `pgboss`), run through the app's
 * connection so that the embedded PGlite default has it too. A job is enqueued in the same transaction as the change
 * that causes it, retried with backoff, copied to its dead-letter queue after its last try, and a scheduled job runs
 * once per schedule however many instances run (pg-boss takes turns through its own tables and advisory locks).
 */

export const JOBS_SCHEMA = "pgboss";

/** Workers ask for new work this often: mail is waited on, by users and by tests. pg-boss allows 0.5 s at least. */
const POLLING_INTERVAL_SECONDS = 0.5;

/** Jobs per insert statement in enqueueMany. */
const INSERT_BATCH = 500;

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export type WorkerOptions = {
  /** Tries after the first; the job then fails for good and a copy goes to its dead-letter queue. */
  retryLimit?: number;
  /** Seconds before a retry; with retryBackoff, doubled at each try, with jitter. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A try that runs longer than this is failed (and retried), as if its worker had died. */
  expireInSeconds?: number;
  /**
   * pg-boss's queue policy: "standard" (the default) keeps every job; "stately" keeps at most one waiting and one running
   * job per singletonKey (another enqueue while one waits is dropped).
   */
  policy?: "standard" | "stately";
};

export type EnqueueOptions = {
  /**
   * The job commits or rolls back with this transaction. Inside a transaction always pass it: on PGlite's one connection
   * an enqueue without it would wait for the transaction to end, which waits for the enqueue.
   */
  tx?: Transaction;
  /** On a "stately" queue, at most one job with this key waits at a time (a second enqueue returns null). */
  singletonKey?: string;
  /** Seconds from now, or a date. */
  startAfter?: number | Date;
};

/** The dead-letter queue of a queue: where a job lands after its last try. */
export const deadLetterQueueOf = (name: string) => `${name}.dead`;

export type JobQueueOptions = {
  /** Runs schedules (cron) and maintenance in this instance; scripts that only enqueue leave them to the server. */
  supervise?: boolean;
  /** Seconds between schedule checks (pg-boss's default is 30); tests shorten it. */
  cronMonitorIntervalSeconds?: number;
};

type Executor = { executeSql: (text: string, values?: unknown[]) => Promise<SqlResult> };

/**
 * The statements pg-boss runs for a job sent with `db` run on the transaction's own session: PGlite's transaction
 * object, or the pool client that node-postgres and Neon's driver hold for the transaction. Drizzle keeps it as
 * `session.client`, which its typings do not publish.
 */
export function transactionExecutor(tx: Transaction, connection: Connection): Executor {
  const client = (tx as unknown as { session: { client: { query: (text: string, values?: unknown[]) => Promise<SqlResult> } } }).session
    .client;
  if (connection.driver === "pglite") {
    return { executeSql: (text, values) => executeOnPglite(client as unknown as Parameters<typeof executeOnPglite>[0], text, values) };
  }
  return { executeSql: (text, values) => client.query(text, values) };
}

export class JobQueue {
  readonly boss: PgBoss;
  private readonly workerOptions = new Map<string, WorkerOptions>();
  private started: Promise<void> | undefined;

  constructor(
    readonly connection: Connection,
    { supervise = true, cronMonitorIntervalSeconds }: JobQueueOptions = {},
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => connection.executeSql(text, values) },
      schema: JOBS_SCHEMA,
      migrate: true,
      supervise,
      schedule: supervise,
      ...(cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds, cronWorkerIntervalSeconds: cronMonitorIntervalSeconds } : {}),
    });
    // pg-boss reports what goes wrong in its loops (a lost connection, a failed maintenance) as events; unheard, an
    // 'error' event would end the process.
    this.boss.on("error", (error) => log("JOBS").error({ err: error }, "job queue error"));
  }

  /** Creates or migrates the `pgboss` schema (instances that start together take turns on pg-boss's advisory lock). */
  start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  /**
   * Stops fetching; a job in flight has `timeoutMs` to finish, after which it is failed, which sends it back to its queue
   * if it has tries left.
   */
  async stop({ timeoutMs = 20_000 }: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, timeout: timeoutMs, close: false });
    this.started = undefined;
  }

  /** Creates the queue and its dead-letter queue, or brings their retry policy up to date. */
  async defineQueue(name: string, options: WorkerOptions = {}): Promise<void> {
    await this.start();
    const dead = deadLetterQueueOf(name);
    const policy = {
      retryLimit: options.retryLimit ?? 2,
      retryDelay: options.retryDelay ?? 30,
      retryBackoff: options.retryBackoff ?? true,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
      deadLetter: dead,
      policy: options.policy ?? "standard",
    };
    if (!(await this.boss.getQueue(dead))) await this.boss.createQueue(dead, { name: dead });
    if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, { name, ...policy });
    else await this.boss.createQueue(name, { name, ...policy });
    this.workerOptions.set(name, options);
  }

  /** Runs handler for each job of the queue, one at a time per instance; a handler that throws fails that try. */
  async registerWorker<T extends object>(name: string, handler: JobHandler<T>, options: WorkerOptions = {}): Promise<void> {
    await this.defineQueue(name, options);
    const workerId: string = await this.boss.work<T>(
      name,
      { pollingIntervalSeconds: POLLING_INTERVAL_SECONDS, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) {
          // pg-boss 10 writes a job's completion or failure without waiting for it, so a stop (or the exit after it) could
          // come before the write and leave a finished job active, to run again once it expires. Writing it here, awaited,
          // settles the job before the worker lets go of it; pg-boss's own write then finds no active job and does nothing.
          try {
            await handler(job.data, { id: job.id, name: job.name });
          } catch (error) {
            log("JOBS").warn({ err: error, queue: name, jobId: job.id }, "a job failed; it is retried while it has tries left");
            await this.boss.fail(name, job.id, error as object);
            continue;
          }
          await this.boss.complete(name, job.id);
        }
        // A queue with work waiting is drained at once: the worker asks again without its polling pause (one job per
        // pause would send two mails a second, or fan a new lesson out to 1,000 learners a second).
        if (jobs.length > 0) this.boss.notifyWorker(workerId);
      },
    );
  }

  /**
   * Adds a job; with `tx`, inside that transaction. The queue must have been defined (at start): defining it here would
   * wait, on PGlite's single connection, for the very transaction that holds it.
   */
  async enqueue<T extends object>(name: string, data: T, { tx, singletonKey, startAfter }: EnqueueOptions = {}): Promise<string | null> {
    await this.start();
    const id = await this.boss.send(name, data, {
      ...(singletonKey ? { singletonKey } : {}),
      ...(startAfter !== undefined ? { startAfter } : {}),
      ...(tx ? { db: transactionExecutor(tx, this.connection) as PgBoss.Db } : {}),
    });
    // pg-boss inserts a job by joining its queue: a queue never defined would drop the job without a word.
    if (id === null && !singletonKey) throw new Error(`The job queue "${name}" is not defined: the job was not stored.`);
    return id;
  }

  /**
   * Adds many jobs at once, `INSERT_BATCH` to a statement (a digest to thousands of users); with `tx`, inside that
   * transaction. pg-boss's insert drops jobs of a queue that does not exist without a word, so the queue is checked first,
   * on the same session.
   */
  async enqueueMany<T extends object>(
    name: string,
    jobs: { data: T; singletonKey?: string }[],
    { tx }: Pick<EnqueueOptions, "tx"> = {},
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.start();
    const executor: Executor = tx ? transactionExecutor(tx, this.connection) : this.connection;
    const { rows } = await executor.executeSql(`select 1 from ${JOBS_SCHEMA}.queue where name = $1`, [name]);
    if (rows.length === 0) throw new Error(`The queue ${name} is not defined: its worker defines it when the workers start.`);
    for (let at = 0; at < jobs.length; at += INSERT_BATCH) {
      await this.boss.insert(
        jobs
          .slice(at, at + INSERT_BATCH)
          .map((job) => ({ name, data: job.data, ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}) })),
        tx ? { db: executor as PgBoss.Db } : {},
      );
    }
  }

  /** Sends a job to the queue on a cron schedule (UTC); one instance sends it per tick, however many run. */
  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    await this.start();
    await this.boss.schedule(name, cron, data, { tz: "UTC" });
  }
}

const globalForJobs = globalThis as unknown as { __budhhubJobs?: JobQueue };

/**
 * The process's job queue, on the process's database connection. The first call makes it: the server's supervises
 * (runs the schedules and pg-boss's maintenance), a script's only enqueues (installJobQueue decides before anyone asks).
 */
export function getJobQueue(): JobQueue {
  globalForJobs.__budhhubJobs ??= new JobQueue(getConnection());
  return globalForJobs.__budhhubJobs;
}

/** Makes the process's queue with this choice, unless it exists already. */
export function installJobQueue({ supervise }: { supervise: boolean }): JobQueue {
  globalForJobs.__budhhubJobs ??= new JobQueue(getConnection(), { supervise });
  return globalForJobs.__budhhubJobs;
}

/** Tests install their own queue (or none). */
export function setJobQueue(queue: JobQueue | undefined) {
  globalForJobs.__budhhubJobs = queue;
}

export const enqueue = <T extends object>(name: string, data: T, options?: EnqueueOptions) => getJobQueue().enqueue(name, data, options);
