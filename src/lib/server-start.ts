import "server-only";
import { env } from "@/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { DemoAccountsPresentError, prepareDatabase } from "@/lib/db/prepare-database";
import { DatabaseLockedError } from "@/lib/db/pglite-lock";
import { log } from "@/lib/log/logger";

/** Migrations and first-start demo data run inside the server process, never at build time. */
export async function startServer() {
  if (env.NEXT_RUNTIME !== "nodejs" || env.isBuild) return;
  const started = Date.now();
  try {
    getAuthSecret();
    await prepareDatabase({ checkDemo: true });
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof DemoAccountsPresentError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    log("APP").fatal({ err: error }, "could not prepare the database");
    throw error;
  }
  const compiling =
    env.NODE_ENV === "development" ? " In development each page is compiled the first time it is opened: the first can take a minute." : "";
  log("APP").info({ ms: Date.now() - started }, `BudhHub is ready at ${env.appUrl}.${compiling}`);
}
