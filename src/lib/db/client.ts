import "server-only";
import { env } from "@/env";
import { connectDatabase, type Connection, type Database } from "./connect";

export type { Database, Transaction } from "./connect";

/**
 * One database client per process, chosen by configuration: no DATABASE_URL → PGlite in DATA_DIR/pglite (with an
 * exclusive lock on the folder); DATABASE_URL → node-postgres pool; a Neon host or DATABASE_DRIVER=neon → Neon's Pool over
 * WebSocket. Kept on globalThis because Next.js may load this module more than once in one process.
 */

const globalForDb = globalThis as unknown as { __budhhubDb?: Connection };

function describeProcess() {
  return env.npm_lifecycle_event ? `npm run ${env.npm_lifecycle_event}` : process.argv.slice(1).join(" ");
}

export function getConnection(): Connection {
  if (!globalForDb.__budhhubDb) {
    if (env.isBuild) throw new Error("No page may read the database at build time: make it dynamic (await connection()).");
    const common = { logQueries: env.DB_LOG_QUERIES, poolMax: env.DATABASE_POOL_MAX };
    globalForDb.__budhhubDb =
      env.databaseDriver === "pglite"
        ? connectDatabase({ driver: "pglite", dataDir: env.pgliteDir, command: describeProcess(), logQueries: env.DB_LOG_QUERIES })
        : env.databaseDriver === "neon"
          ? connectDatabase({ driver: "neon", url: env.DATABASE_URL!, wsProxy: env.NEON_WS_PROXY, ...common })
          : connectDatabase({ driver: "pg", url: env.DATABASE_URL!, ...common });
  }
  return globalForDb.__budhhubDb;
}

/** Tests install their own migrated database here before any lib function runs. */
export function setConnection(connection: Connection | undefined) {
  globalForDb.__budhhubDb = connection;
}

export async function closeDatabase() {
  const connection = globalForDb.__budhhubDb;
  globalForDb.__budhhubDb = undefined;
  await connection?.close();
}

/** The process's database; opened on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getConnection().db;
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
