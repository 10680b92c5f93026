import { closeDatabase } from "@/lib/db/client";
import { DatabaseLockedError } from "@/lib/db/pglite-lock";

/** Runs a maintenance script: a database held by a live server is refused with the holder's name, nothing written. */
export async function runScript(main: () => Promise<void>) {
  try {
    await main();
    await closeDatabase();
    process.exit(0);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  }
}
