// npm run db:seed — writes the demo data into an empty database.
// npm run db:seed -- --reset — empties the database (and its stored files) first; embedded databases only, unless --force.
import { env } from "@/env";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemoData, wipeAllData } from "@/lib/demo/seed-demo-data";
import { withoutMail } from "@/lib/mail/outgoing";
import { runScript } from "./run-script";

const args = new Set(process.argv.slice(2));

await runScript(async () => {
  await prepareDatabase({ seed: false });
  if (args.has("--reset")) {
    if (!env.embedded && !args.has("--force")) {
      throw new Error("--reset empties every table. On a database server add --force if you really mean it.");
    }
    await wipeAllData();
    console.log("Database emptied.");
  }
  if (!(await isDatabaseEmpty())) {
    console.log("The database already has users, so no demo data was written. Use --reset to start over.");
    return;
  }
  // The demo accounts' addresses receive nothing: their notifications are in the app only.
  const summary = await withoutMail(() => seedDemoData());
  console.log(
    `Demo data written: ${summary.users} users, ${summary.courses} courses, ${summary.lessons} lessons, ${summary.enrollments} enrollments.`,
  );
  console.log(`Sign in with any of these, password "${DEMO_PASSWORD}":`);
  for (const a of demoAccounts) console.log(`  ${a.email.padEnd(24)} ${a.role}`);
});
