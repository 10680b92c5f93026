import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { env } from "@/env";
import { setConnection } from "@/lib/db/client";
import { connectDatabase, type Connection } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";
import { defineQueues } from "@/lib/jobs/names";
import { JobQueue, setJobQueue } from "@/lib/jobs/queue";
import { startWsTcpBridge } from "./ws-tcp-bridge";

/**
 * A migrated database for one test file, installed as the app's database and emptied before each test.
 * PGlite in memory by default; with TEST_DATABASE_URL a fresh database on that server, reached with node-postgres or,
 * with TEST_DATABASE_DRIVER=neon, with Neon's driver through a local WebSocket bridge.
 */
export async function createTestDatabase(): Promise<{ connection: Connection; label: string; drop: () => Promise<void> }> {
  if (!env.TEST_DATABASE_URL) {
    const connection = connectDatabase({ driver: "pglite", dataDir: "memory://" });
    await migrateDatabase(connection);
    return { connection, label: "pglite", drop: () => connection.close() };
  }
  const name = `budhhub_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const bridge = env.TEST_DATABASE_DRIVER === "neon" ? await startWsTcpBridge() : undefined;
  const connection = bridge
    ? connectDatabase({ driver: "neon", url: url.toString(), wsProxy: bridge.url, poolMax: 5 })
    : connectDatabase({ driver: "pg", url: url.toString(), poolMax: 5 });
  await migrateDatabase(connection);
  return {
    connection,
    label: `${connection.driver} (${url.host})`,
    drop: async () => {
      await connection.close();
      await bridge?.close();
      const cleanup = new Client({ connectionString: env.TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export async function truncateAll(connection: Connection) {
  const result = await connection.db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '__drizzle%'`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: { tablename: string }[] }).rows) as { tablename: string }[];
  if (rows.length === 0) return;
  const names = rows.map((r) => `"${r.tablename}"`).join(", ");
  await connection.db.execute(sql.raw(`truncate table ${names} restart identity cascade`));
  // The job queue's jobs too (its queues and schedules stay), so that a test never runs another test's jobs.
  await connection.executeSql(
    `do $$ begin if exists (select 1 from pg_namespace where nspname = 'pgboss') then truncate table pgboss.job; end if; end $$`,
  );
}

/**
 * Call at the top of a test file: the file gets its own migrated database, emptied before each test, and the app's job
 * queue on it with every queue defined and none worked (a test that wants jobs run starts its own workers, or calls
 * the job's function), so that changes which enqueue work (mail, notifications, back-issue) can commit.
 */
export function withTestDatabase() {
  const state: { connection?: Connection; label?: string; queue?: JobQueue } = {};
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    state.connection = created.connection;
    state.label = created.label;
    drop = created.drop;
    setConnection(created.connection);
    state.queue = new JobQueue(created.connection, { supervise: false });
    await defineQueues(state.queue);
    setJobQueue(state.queue);
  });
  beforeEach(async () => {
    await truncateAll(state.connection!);
  });
  afterAll(async () => {
    setJobQueue(undefined);
    await state.queue?.stop({ timeoutMs: 1000 });
    setConnection(undefined);
    await drop?.();
  });
  return state;
}

/** The jobs waiting in a queue (created or retry), oldest first: what a change enqueued. */
export async function waitingJobs<T = Record<string, unknown>>(connection: Connection, name: string): Promise<{ id: string; data: T }[]> {
  const result = await connection.executeSql(
    `select id, data from pgboss.job where name = $1 and state in ('created', 'retry') order by created_on, id`,
    [name],
  );
  return result.rows as { id: string; data: T }[];
}
