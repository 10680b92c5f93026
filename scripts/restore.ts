// npm run restore -- FILE [--force] — restores a file written by `npm run backup` into an empty DATA_DIR (or, with
// --force, replaces what DATA_DIR holds). The server must be stopped.
import { env } from "@/env";
import { restoreEmbedded } from "@/lib/db/embedded-backup";
import { runBackupScript } from "./run-backup-script";

await runBackupScript("usage: npm run restore -- FILE [--force]", "force", async (file, force) => {
  const { files } = await restoreEmbedded(file, { force });
  console.log(`Restored ${file} into ${env.dataDir} (${files} stored files). Start the server as usual.`);
});
