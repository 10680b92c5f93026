import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { env } from "@/env";
import { db } from "@/lib/db/client";
import { connectDatabase, type Connection } from "@/lib/db/connect";
import { categories } from "@/lib/db/schema";
import { deadLetterQueueOf, JobQueue } from "./queue";

const database = withTestDatabase();

const queues: JobQueue[] = [];
const connections: Connection[] = [];
afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop({ timeoutMs: 1000 });
  for (const connection of connections.splice(0)) await connection.close();
});

/** A queue on the test database; schedules are checked every second instead of every 30. */
function newQueue(connection = database.connection!) {
  const queue = new JobQueue(connection, { cronMonitorIntervalSeconds: 1 });
  queues.push(queue);
  return queue;
}

/**
 * On a Postgres server through node-postgres, a second pool on the same database, as another instance would have; PGlite
 * has one connection per process, and Neon's driver reaches the server through the test's own bridge, so both share it.
 */
async function anotherInstanceConnection(): Promise<Connection> {
  if (database.connection!.driver !== "pg" || !env.TEST_DATABASE_URL) return database.connection!;
  const { rows } = await database.connection!.executeSql("select current_database() as name");
  const url = new URL(env.TEST_DATABASE_URL);
  url.pathname = `/${(rows[0] as { name: string }).name}`;
  const connection = connectDatabase({ driver: "pg", url: url.toString(), poolMax: 3 });
  connections.push(connection);
  return connection;
}

/** The queues live in schema pgboss, which the per-test reset leaves alone: each test takes its own names. */
const queueName = (what: string) => `test-${what}-${randomUUID().slice(0, 8)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const stateOf = async (queue: JobQueue, name: string, id: string) => (await queue.boss.getJobById(name, id))?.state;

async function jobsIn(name: string): Promise<{ id: string; data: unknown; state: string }[]> {
  const { rows } = await database.connection!.executeSql("select id, data, state from pgboss.job where name = $1 order by created_on", [
    name,
  ]);
  return rows as { id: string; data: unknown; state: string }[];
}

const categoryNamed = async (name: string) => (await db.select().from(categories).where(eq(categories.name, name)))[0];

describe("the job queue", () => {
  it("keeps its tables in schema pgboss, apart from the app's", async () => {
    await newQueue().start();
    const { rows } = await database.connection!.executeSql(
      "select table_schema from information_schema.tables where table_name = 'job' and table_schema in ('public', 'pgboss')",
    );
    expect(rows).toEqual([{ table_schema: "pgboss" }]);
  });

  it("rolls a job back with the transaction that enqueued it", async () => {
    const queue = newQueue();
    const name = queueName("rollback");
    await queue.defineQueue(name);
    let jobId: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(categories).values({ name: "Rolled back" });
        jobId = await queue.enqueue(name, { category: "Rolled back" }, { tx });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(jobId).toBeTruthy();
    expect(await categoryNamed("Rolled back")).toBeUndefined();
    expect(await jobsIn(name)).toEqual([]);
  });

  it("commits a job with the transaction that enqueued it, and a worker runs it", async () => {
    const queue = newQueue();
    const name = queueName("commit");
    const seen: unknown[] = [];
    await queue.registerWorker<{ category: string }>(name, async (data) => {
      seen.push(data);
    });
    const jobId = await db.transaction(async (tx) => {
      await tx.insert(categories).values({ name: "Committed" });
      return queue.enqueue(name, { category: "Committed" }, { tx });
    });
    expect(await categoryNamed("Committed")).toBeDefined();
    expect((await jobsIn(name)).map((j) => j.id)).toEqual([jobId]);
    await waitFor("the job to run", async () => (await stateOf(queue, name, jobId!)) === "completed", 5000);
    expect(seen).toEqual([{ category: "Committed" }]);
  });

  it("retries failed tries after a growing backoff, then succeeds", async () => {
    const queue = newQueue();
    const name = queueName("retry");
    const tries: number[] = [];
    await queue.registerWorker(
      name,
      async () => {
        tries.push(Date.now());
        if (tries.length <= 2) throw new Error("the mail server is down");
      },
      { retryLimit: 3, retryDelay: 1, retryBackoff: true },
    );
    const jobId = (await queue.enqueue(name, {}))!;
    await waitFor("the retried job to complete", async () => (await stateOf(queue, name, jobId)) === "completed");
    expect(tries).toHaveLength(3);
    // With a delay of 1 s and backoff, pg-boss waits 1 to 2 s before the first retry and 2 to 4 s before the second (the
    // delay doubles at each try, plus jitter); without backoff both would wait 1 s.
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(950);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(1900);
    expect(await jobsIn(deadLetterQueueOf(name))).toEqual([]);
  });

  it("sends a job that fails every try to its dead-letter queue after the last one", async () => {
    const queue = newQueue();
    const name = queueName("dead");
    let tries = 0;
    await queue.registerWorker(
      name,
      async () => {
        tries += 1;
        throw new Error("always broken");
      },
      { retryLimit: 2, retryDelay: 1, retryBackoff: false },
    );
    const jobId = (await queue.enqueue(name, { user: "u1" }))!;
    const dead = await waitFor("the dead letter", async () => (await jobsIn(deadLetterQueueOf(name)))[0]);
    expect(dead.data).toEqual({ user: "u1" });
    expect(await stateOf(queue, name, jobId)).toBe("failed");
    expect(tries).toBe(3);
    await sleep(1500);
    expect(tries).toBe(3);
  });

  it("runs a scheduled job once per tick with two instances on the same database", async () => {
    const name = queueName("cron");
    const runs: string[] = [];
    const first = newQueue();
    const second = newQueue(await anotherInstanceConnection());
    // A tick is a minute: start well inside one, so the test sees exactly one.
    const second_of_minute = new Date().getUTCSeconds();
    if (second_of_minute > 45) await sleep((61 - second_of_minute) * 1000);
    for (const [label, queue] of [
      ["first", first],
      ["second", second],
    ] as const) {
      await queue.registerWorker(name, async () => {
        runs.push(label);
      });
      await queue.schedule(name, "* * * * *");
    }
    await waitFor("the scheduled job", async () => runs.length > 0);
    // Both instances check the schedule every second; give them time to send it again if they were going to.
    await sleep(5000);
    expect(runs).toHaveLength(1);
  }, 90_000);

  it("keeps jobs across a restart", async () => {
    const name = queueName("restart");
    const before = newQueue();
    await before.defineQueue(name);
    const jobId = (await before.enqueue(name, { n: 1 }))!;
    await before.stop();
    const after = newQueue();
    const seen: unknown[] = [];
    await after.registerWorker(name, async (data) => {
      seen.push(data);
    });
    await waitFor("the job to run after the restart", async () => (await stateOf(after, name, jobId)) === "completed");
    expect(seen).toEqual([{ n: 1 }]);
  });

  it("lets a job in flight finish when it stops", async () => {
    const queue = newQueue();
    const name = queueName("graceful");
    let started = false;
    let finished = false;
    await queue.registerWorker(name, async () => {
      started = true;
      await sleep(1500);
      finished = true;
    });
    const jobId = (await queue.enqueue(name, {}))!;
    await waitFor("the job to start", async () => started);
    await queue.stop({ timeoutMs: 10_000 });
    expect(finished).toBe(true);
    expect(await jobsIn(name)).toEqual([expect.objectContaining({ id: jobId, state: "completed" })]);
  });

  it("sends a job still running when the stop times out back to its queue", async () => {
    const queue = newQueue();
    const name = queueName("timeout");
    let started = false;
    await queue.registerWorker(
      name,
      async () => {
        started = true;
        await sleep(4000);
      },
      { retryLimit: 1, retryDelay: 1 },
    );
    const jobId = (await queue.enqueue(name, {}))!;
    await waitFor("the job to start", async () => started);
    await queue.stop({ timeoutMs: 1000 });
    expect(await jobsIn(name)).toEqual([expect.objectContaining({ id: jobId, state: "retry" })]);
  });
});
