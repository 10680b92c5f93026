import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db/client";

/** Runs a statement and returns its rows, whichever driver answers (PGlite, node-postgres and Neon shape results alike). */
export async function queryRows<T>(statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

/** The rows of an executed statement (a transaction's `tx.execute` too), whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** part / whole × 100 with one decimal, 0 when whole is 0; as a double so that every driver returns a number. */
export const percentSql = (part: SQL, whole: SQL) => sql`coalesce(round(100.0 * (${part}) / nullif(${whole}, 0), 1), 0)::float8`;

/** The mean with one decimal, 0 over no rows. */
export const averageSql = (value: SQL) => sql`coalesce(round(avg(${value}), 1), 0)::float8`;

/** A timestamptz as an ISO string in UTC with milliseconds, as Date#toISOString writes it, whatever the driver. */
export const isoSql = (value: SQL) => sql`to_char((${value}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
