import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connect";
import type { DatabaseSize } from "./report";

const LARGEST_TABLES = 6;

/**
 * The generated database's size (pg_database_size) and its largest tables with their indexes, for capacity estimates
 * per enrollment and per learner. Null where the engine cannot tell (an embedded database that does not answer it).
 */
export async function measureSize(connection: Connection): Promise<DatabaseSize | null> {
  try {
    // Fresh statistics and no dead rows from the generator's updates, as a database in use for a while would be.
    await connection.db.execute(sql`vacuum analyze`);
    const total = await connection.db.execute(sql`select pg_database_size(current_database())::bigint as bytes`);
    const tables = await connection.db.execute(sql`
      select c.relname as name, pg_total_relation_size(c.oid)::bigint as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = 'public'
      order by 2 desc
      limit ${LARGEST_TABLES}`);
    const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
    return {
      bytes: Number(rows<{ bytes: string }>(total)[0]!.bytes),
      tables: rows<{ name: string; bytes: string }>(tables).map((t) => ({ name: t.name, bytes: Number(t.bytes) })),
    };
  } catch (error) {
    console.warn("[bench] could not measure the database's size:", (error as Error).message);
    return null;
  }
}
