import "server-only";
import path from "node:path";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Connection } from "./connect";

export const MIGRATION_LOCK_ID = 727_001;

export const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies the committed migrations in drizzle/. Instances that start together take turns through an advisory lock. */
export async function migrateDatabase(connection: Connection): Promise<void> {
  const config = { migrationsFolder };
  await connection.withLock(MIGRATION_LOCK_ID, async () => {
    // The drizzle migrators are typed per driver; the handle is the same Drizzle database underneath.
    /* eslint-disable @typescript-eslint/no-explicit-any */
    if (connection.driver === "pglite") await migratePglite(connection.db as any, config);
    else if (connection.driver === "neon") await migrateNeon(connection.db as any, config);
    else await migratePg(connection.db as any, config);
    /* eslint-enable @typescript-eslint/no-explicit-any */
  });
}
