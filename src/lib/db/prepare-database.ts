import "server-only";
import { env } from "@/env";
import { isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed-demo-data";
import { log } from "@/lib/log/logger";
import { getConnection } from "./client";
import { migrateDatabase } from "./migrate";

const SEED_LOCK_ID = 727_002;

/** Demo data goes into an empty database in embedded mode, or anywhere when SEED_DEMO=true. */
export function shouldSeedDemoData() {
  return env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && env.embedded);
}

/** Runs at server start (src/instrumentation.ts) and from `npm run db:migrate`: migrations, then demo data if due. */
export async function prepareDatabase({ seed = shouldSeedDemoData() }: { seed?: boolean } = {}) {
  const logger = log("DB");
  const connection = getConnection();
  const started = Date.now();
  await migrateDatabase(connection);
  logger.info({ driver: connection.driver, ms: Date.now() - started }, "migrations applied");
  if (!seed) return;
  await connection.withLock(SEED_LOCK_ID, async () => {
    if (await isDatabaseEmpty()) await seedDemoData();
  });
}
