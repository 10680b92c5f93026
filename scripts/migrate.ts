// npm run db:migrate — applies the committed migrations in drizzle/ to the configured database.
import { env } from "@/env";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { runScript } from "./run-script";

await runScript(async () => {
  await prepareDatabase({ seed: false });
  console.log(`Migrations applied (${env.databaseDriver}).`);
});
