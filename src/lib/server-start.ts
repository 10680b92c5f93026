import "server-only";
import { env } from "@/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { DatabaseLockedError } from "@/lib/db/pglite-lock";
import { log } from "@/lib/log/logger";

/** Migrations and first-start demo data run inside the server process, never at build time. */
export async function startServer() {
  if (env.NEXT_RUNTIME !== "nodejs" || env.isBuild) return;
  try {
    getAuthSecret();
    await prepareDatabase();
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    log("APP").fatal({ err: error }, "could not prepare the database");
    throw error;
  }
}
