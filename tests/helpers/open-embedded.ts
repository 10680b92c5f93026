// Child process for the PGlite lock test: opens the embedded database in the folder given, writes a row, and exits 0;
// exits 3 with the lock message when another process holds the folder.
// Run with: node --import tsx --conditions=react-server tests/helpers/open-embedded.ts DIR
import { sql } from "drizzle-orm";
import { connectDatabase } from "@/lib/db/connect";
import { DatabaseLockedError } from "@/lib/db/pglite-lock";

async function main(dir: string) {
  try {
    const connection = connectDatabase({ driver: "pglite", dataDir: dir, command: "open-embedded test child" });
    await connection.db.execute(sql`insert into notes (body) values ('from the second process')`);
    await connection.close();
    process.exit(0);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
}

void main(process.argv[2]!);
