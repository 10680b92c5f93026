// npm run db:backup -- FOLDER — a consistent backup of the embedded set-up (database dump, stored files, secret).
// npm run db:backup -- --restore FOLDER — restores one into an empty DATA_DIR. Stop the server first for either.
import { env } from "@/env";
import { backupEmbedded, restoreEmbedded } from "@/lib/db/embedded-backup";
import { runScript } from "./run-script";

const args = process.argv.slice(2);
const restore = args[0] === "--restore";
const folder = restore ? args[1] : args[0];
if (!folder || (!restore && args.length !== 1)) {
  console.error("usage: npm run db:backup -- FOLDER   |   npm run db:backup -- --restore FOLDER");
  process.exit(2);
}
if (!env.embedded) {
  console.error("DATABASE_URL points at a database server: back it up with the server's own tools (pg_dump), and the bucket with yours.");
  process.exit(2);
}

await runScript(async () => {
  if (restore) {
    await restoreEmbedded(folder);
    console.log(`Restored ${folder} into ${env.dataDir}. Start the server as usual.`);
    return;
  }
  const { files, bytes } = await backupEmbedded(folder);
  console.log(`Backed up ${env.dataDir} to ${folder}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB.`);
});
