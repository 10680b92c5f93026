import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { Client as NeonClient, neonConfig, Pool as NeonPool } from "@neondatabase/serverless";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Client as PgClient, Pool as PgPool } from "pg";
import ws from "ws";
import { acquireDataDirLock, releaseDataDirLock } from "./pglite-lock";
import * as schema from "./schema";
import { log } from "@/lib/log/logger";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseDriver = "pglite" | "pg" | "neon";

type Common = {
  logQueries?: boolean;
  /** Called with each statement Drizzle and executeSql send (measurements count them). */
  onQuery?: (sql: string) => void;
};
export type ConnectOptions = Common &
  (
    | { driver: "pglite"; dataDir: string | "memory://"; command?: string }
    | { driver: "pg"; url: string; poolMax?: number }
    | { driver: "neon"; url: string; poolMax?: number; wsProxy?: string }
  );

/**
 * A pooled connection that sits idle can be closed by the server (a restart, a failover, an administrator, a dropped
 * test database). node-postgres reports it on the pool, and an unheard pool error would end the process: the pool has
 * already dropped that client and opens a new one when needed, so it is only worth a log line.
 */
const idleConnectionLost = (error: Error) => log("DB").warn({ err: error }, "an idle database connection was closed by the server");

/**
 * A database host that drops packets (a network cut, a failover in progress) would hold a request for minutes: give up
 * connecting after this long, so that the request is answered 503 (src/lib/http/service-unavailable.ts) and the client retries.
 */
const CONNECT_TIMEOUT_MS = 10_000;

const queryLogger = { logQuery: (query: string) => log("DB").debug({ sql: query }, "query") };

/** Drizzle's logger for these options: the debug log, a counter, both, or none. */
function loggerOf(options: Common) {
  if (!options.onQuery) return options.logQueries ? queryLogger : false;
  const onQuery = options.onQuery;
  return {
    logQuery: (query: string) => {
      onQuery(query);
      if (options.logQueries) queryLogger.logQuery(query);
    },
  };
}

/** executeSql that reports each text to onQuery first. */
const counted =
  (options: Common, run: (text: string, values?: unknown[]) => Promise<SqlResult>) =>
  (text: string, values?: unknown[]): Promise<SqlResult> => {
    options.onQuery?.(text);
    return run(text, values);
  };

export type Connection = {
  db: Database;
  driver: DatabaseDriver;
  close: () => Promise<void>;
  /** Runs fn while holding a Postgres advisory lock on one dedicated session, so that instances starting together take turns. */
  withLock: <T>(lockId: number, fn: () => Promise<T>) => Promise<T>;
  /**
   * Plain SQL on the driver itself, for a library that brings its own statements (the job queue): `$1` placeholders, and
   * without values several statements in one text, as node-postgres allows.
   */
  executeSql: (text: string, values?: unknown[]) => Promise<SqlResult>;
};

export type SqlResult = { rows: Record<string, unknown>[]; rowCount?: number | null };

type PgliteLike = Pick<PGlite, "query" | "exec">;

/**
 * PGlite's query() takes one statement (the extended protocol); a text without values may hold several (pg-boss's schema
 * migrations wrap theirs in BEGIN … COMMIT), which exec() runs as node-postgres would, through the simple protocol.
 */
export async function executeOnPglite(client: PgliteLike, text: string, values?: unknown[]): Promise<SqlResult> {
  if (values && values.length > 0) {
    const result = await client.query<Record<string, unknown>>(text, values);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }
  const results = await client.exec(text);
  const last = results.at(-1);
  return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
}

type LockClient = { connect(): Promise<unknown>; query(sql: string, params?: unknown[]): Promise<unknown>; end(): Promise<void> };

function advisoryLock(makeClient: () => LockClient) {
  return async <T>(lockId: number, fn: () => Promise<T>): Promise<T> => {
    const client = makeClient();
    await client.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [lockId]);
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [lockId]).catch(() => undefined);
      await client.end();
    }
  };
}

/** Opens one database handle. The app keeps one per process (client.ts); tests and scripts open their own. */
export function connectDatabase(options: ConnectOptions): Connection {
  switch (options.driver) {
    case "pglite": {
      const inMemory = options.dataDir === "memory://";
      if (!inMemory) acquireDataDirLock(options.dataDir, options.command ?? "a BudhHub process");
      const client = new PGlite(options.dataDir);
      const db = drizzlePglite({ client, schema, logger: loggerOf(options) }) as unknown as Database;
      return {
        db,
        driver: "pglite",
        // One process owns the folder, so there is nobody to take turns with.
        withLock: (_lockId, fn) => fn(),
        executeSql: counted(options, (text, values) => executeOnPglite(client, text, values)),
        close: async () => {
          await client.close();
          if (!inMemory) releaseDataDirLock(options.dataDir);
        },
      };
    }
    case "pg": {
      const pool = new PgPool({ connectionString: options.url, max: options.poolMax ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      pool.on("error", idleConnectionLost);
      const db = drizzlePg({ client: pool, schema, logger: loggerOf(options) }) as unknown as Database;
      return {
        db,
        driver: "pg",
        close: () => pool.end(),
        withLock: advisoryLock(() => new PgClient({ connectionString: options.url })),
        executeSql: counted(options, (text, values) => pool.query(text, values) as Promise<SqlResult>),
      };
    }
    case "neon": {
      neonConfig.webSocketConstructor = ws;
      if (options.wsProxy) {
        // A WebSocket-to-TCP bridge in front of a plain Postgres (local development and CI): no TLS on either leg,
        // and SCRAM auth needs the startup messages sent one at a time.
        const proxy = options.wsProxy;
        neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
        neonConfig.useSecureWebSocket = false;
        neonConfig.pipelineTLS = false;
        neonConfig.pipelineConnect = false;
      }
      const pool = new NeonPool({ connectionString: options.url, max: options.poolMax ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      pool.on("error", idleConnectionLost);
      const db = drizzleNeon({ client: pool, schema, logger: loggerOf(options) }) as unknown as Database;
      return {
        db,
        driver: "neon",
        close: () => pool.end(),
        withLock: advisoryLock(() => new NeonClient({ connectionString: options.url })),
        executeSql: counted(options, (text, values) => pool.query(text, values) as Promise<SqlResult>),
      };
    }
  }
}
