import "server-only";
import { env } from "@/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { DemoAccountsPresentError, prepareDatabase } from "@/lib/db/prepare-database";
import { DatabaseLockedError } from "@/lib/db/pglite-lock";
import { startJobs } from "@/lib/jobs/start-jobs";
import { log } from "@/lib/log/logger";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Migrations and first-start demo data run inside the server process, never at build time. */
export async function startServer() {
  if (env.NEXT_RUNTIME !== "nodejs" || env.isBuild) return;
  const started = Date.now();
  try {
    getAuthSecret();
    await prepareDatabase({ checkDemo: true, server: true });
    const jobsStarted = Date.now();
    await startJobs();
    log("JOBS").info({ ms: Date.now() - jobsStarted }, `workers started in ${seconds(Date.now() - jobsStarted)}`);
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof DemoAccountsPresentError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    log("APP").fatal({ err: error }, "could not prepare the database");
    throw error;
  }
  log("APP").info({ ms: Date.now() - started }, `BudhHub is ready at ${env.appUrl}.`);
  if (env.NODE_ENV === "development") void compileHomePage();
}

/**
 * In development Next compiles a page the first time it is opened, which on a small machine takes longer than everything
 * before it. Asking for the home page as soon as the server is ready starts that at once, and the log says when it is done.
 */
async function compileHomePage() {
  const logger = log("APP");
  const url = `http://127.0.0.1:${env.PORT ?? 3000}/`;
  logger.info("compiling the home page (development only: each page is compiled the first time it is opened, the first can take a minute)");
  const started = Date.now();
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      logger.info(
        { ms: Date.now() - started, status: response.status },
        `home page compiled in ${seconds(Date.now() - started)}: open ${env.appUrl}`,
      );
      return;
    } catch {
      // The server may not be listening yet (or listens on another address); try again shortly, then leave it to the browser.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  logger.debug({ url }, "could not reach the server to compile the home page; it compiles when first opened");
}
