import "server-only";
import fs from "node:fs";
import { env } from "@/env";
import { demoAccountsPresent } from "@/lib/demo/demo-accounts";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed-demo-data";
import { defineQueues } from "@/lib/jobs/names";
import { installJobQueue } from "@/lib/jobs/queue";
import { log } from "@/lib/log/logger";
import { withoutMail } from "@/lib/mail/outgoing";
import { getConnection } from "./client";
import { migrateDatabase } from "./migrate";

const SEED_LOCK_ID = 727_002;
const QUEUE_LOCK_ID = 727_003;

/**
 * Demo data goes into an empty database when SEED_DEMO=true, or with SEED_DEMO=auto (the default) into an embedded one
 * in development: a production server writes it only when asked.
 */
export function shouldSeedDemoData() {
  return env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && env.embedded && !env.isProduction);
}

/** Why a production server does not start: the demo accounts, whose password anyone can read, are in its database. */
export class DemoAccountsPresentError extends Error {
  constructor(readonly emails: string[]) {
    super(
      `This database holds the demo accounts (${emails.join(", ")}), whose password "${DEMO_PASSWORD}" is published in the README, ` +
        `so a production server will not start with them.\n` +
        `  - Remove them and the courses they teach: stop the server, then npm run demo:remove\n` +
        `  - Or start from an empty database (a new DATA_DIR, or a new DATABASE_URL)\n` +
        `  - Or, to run the demo on purpose, set SEED_DEMO=true`,
    );
    this.name = "DemoAccountsPresentError";
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs at server start (src/instrumentation.ts) and from the maintenance scripts: migrations, then demo data if due, then
 * the production check. It says what it is doing and how long each step took, since a first start on a small machine
 * takes a while and should not look hung.
 */
export async function prepareDatabase({
  seed = shouldSeedDemoData(),
  checkDemo = false,
  server = false,
}: {
  seed?: boolean;
  checkDemo?: boolean;
  /** The server's start: its job queue runs the schedules; a script's only enqueues. */
  server?: boolean;
} = {}) {
  const logger = log("DB");
  const firstStart = env.embedded && !fs.existsSync(env.pgliteDir);
  if (firstStart) logger.info({ folder: env.pgliteDir }, "creating the embedded database (first start only, a few seconds)");
  let started = Date.now();
  const connection = getConnection();
  await migrateDatabase(connection);
  logger.info({ driver: connection.driver, ms: Date.now() - started }, `database ready in ${seconds(Date.now() - started)}`);
  // The job queue's schema and every queue, before anything that enqueues (the demo data, a script's change): on PGlite's
  // one connection a queue made inside a transaction would wait for that transaction.
  started = Date.now();
  // Instances starting together take turns: pg-boss's createQueue, run by two at once on an empty database, deadlocks
  // (each inserts the queue row and creates its partition), and the second start then failed.
  const queue = installJobQueue({ supervise: server });
  await connection.withLock(QUEUE_LOCK_ID, async () => {
    await queue.start();
    await defineQueues(queue);
  });
  logger.info({ ms: Date.now() - started }, `job queue ready in ${seconds(Date.now() - started)}`);
  if (seed) {
    await connection.withLock(SEED_LOCK_ID, async () => {
      if (!(await isDatabaseEmpty())) return;
      logger.info("writing the demo data");
      started = Date.now();
      // The demo accounts' addresses receive nothing: their notifications are in the app only.
      await withoutMail(() => seedDemoData());
      logger.info({ ms: Date.now() - started }, `demo data ready in ${seconds(Date.now() - started)}`);
    });
  }
  if (checkDemo && env.isProduction && env.SEED_DEMO !== "true") {
    const present = await demoAccountsPresent();
    if (present.length > 0) throw new DemoAccountsPresentError(present);
  }
}
