// npm run backup -- FILE [--with-files] — one file holding the embedded database (a consistent PGlite dump) and its
// secret; with --with-files, the stored files too. The server must be stopped: PGlite allows one process per folder.
import { env } from "@/env";
import { backupEmbedded } from "@/lib/db/embedded-backup";
import { runBackupScript } from "./run-backup-script";

await runBackupScript("usage: npm run backup -- FILE [--with-files]", "with-files", async (file, withFiles) => {
  const { files, bytes } = await backupEmbedded(file, { withFiles });
  const stored = withFiles ? `${files} stored files` : "no stored files (add --with-files)";
  console.log(`Backed up ${env.dataDir} to ${file}: the database, its secret and ${stored}, ${(bytes / 1024 / 1024).toFixed(1)} MiB.`);
});
