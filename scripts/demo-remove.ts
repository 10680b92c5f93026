// npm run demo:remove — deletes the demo accounts (whose password is public) and the courses they teach, with their files.
import { prepareDatabase } from "@/lib/db/prepare-database";
import { demoAccountsPresent, removeDemoAccounts } from "@/lib/demo/demo-accounts";
import { runScript } from "./run-script";

await runScript(async () => {
  await prepareDatabase({ seed: false });
  const present = await demoAccountsPresent();
  if (present.length === 0) {
    console.log("No demo accounts here: nothing to remove.");
    return;
  }
  const removed = await removeDemoAccounts();
  console.log(`Removed ${removed.users} demo accounts (${present.join(", ")}) and the ${removed.courses} courses they taught.`);
  console.log("Make your own admin with: npm run admin:create -- you@example.org");
});
