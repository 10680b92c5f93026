import { parseArgs } from "node:util";
import { env } from "@/env";
import { BackupRefusedError } from "@/lib/db/embedded-backup";

/**
 * Runs `npm run backup` or `restore`: FILE and the one flag it takes (a wrong call prints the usage and exits 2), a
 * refusal is one clear message and exit 1.
 */
export async function runBackupScript(usage: string, flag: string, main: (file: string, flagged: boolean) => Promise<void>) {
  let parsed: { file: string; flagged: boolean };
  try {
    const { values, positionals } = parseArgs({ options: { [flag]: { type: "boolean", default: false } }, allowPositionals: true });
    if (positionals.length !== 1) throw new Error("one file");
    parsed = { file: positionals[0]!, flagged: values[flag] === true };
  } catch {
    console.error(usage);
    process.exit(2);
  }
  if (!env.embedded) {
    console.error(
      "DATABASE_URL points at a database server: back it up with pg_dump and the bucket with your storage's tools (see the README).",
    );
    process.exit(2);
  }
  try {
    await main(parsed.file, parsed.flagged);
    process.exit(0);
  } catch (error) {
    console.error(error instanceof BackupRefusedError ? `\n${error.message}\n` : error);
    process.exit(1);
  }
}
