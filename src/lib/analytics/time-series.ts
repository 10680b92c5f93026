import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ResolvedRange } from "./range";
import { queryRows } from "./sql-rows";
import type { TimePoint } from "./types";

/**
 * Zero-filled series over the range's buckets, counted in one statement. Each source is a query with one timestamptz
 * column `at`; only instants inside the range count. Buckets are UTC days, or weeks starting on Monday, and the first
 * week bucket is the one holding `from`.
 */
export async function countOverTime<K extends string>(range: ResolvedRange, sources: Record<K, SQL>): Promise<Record<K, TimePoint[]>> {
  const unit = sql.raw(range.bucket === "week" ? "'week'" : "'day'");
  const step = sql.raw(range.bucket === "week" ? "interval '1 week'" : "interval '1 day'");
  const names = Object.keys(sources) as K[];
  const counted = names.map(
    (name, i) => sql`${sql.identifier(`s${i}`)} as (
      select date_trunc(${unit}, at at time zone 'UTC') as start, count(*)::int as n
      from (${sources[name]}) src
      where at >= ${range.start}::timestamptz and at < ${range.end}::timestamptz
      group by 1
    )`,
  );
  const columns = names.map((_, i) => sql`coalesce(${sql.identifier(`s${i}`)}.n, 0) as ${sql.identifier(`c${i}`)}`);
  const joins = names.map((_, i) => sql`left join ${sql.identifier(`s${i}`)} using (start)`);
  const rows = await queryRows<Record<string, string | number>>(sql`
    with buckets as (
      select generate_series(date_trunc(${unit}, ${range.from}::date::timestamp), date_trunc(${unit}, ${range.to}::date::timestamp), ${step}) as start
    ), ${sql.join(counted, sql`, `)}
    select to_char(buckets.start, 'YYYY-MM-DD') as date, ${sql.join(columns, sql`, `)}
    from buckets ${sql.join(joins, sql` `)}
    order by buckets.start`);
  return Object.fromEntries(
    names.map((name, i) => [name, rows.map((row) => ({ date: String(row.date), count: Number(row[`c${i}`]) }))]),
  ) as Record<K, TimePoint[]>;
}
