import { describe, expect, it } from "vitest";
import { withDatabase } from "./scale-env";

/**
 * Both instances run the schedules (pg-boss's cron monitor, every 30 s each). The upload sweep, harmless on this
 * database, is put on a schedule of every minute for the test; each minute's tick must send one job, not one per
 * instance. It waits for a tick and then until both monitors have had a turn after it (up to about 2.5 minutes).
 */
const QUEUE = "upload-sweep";

type Tick = { minute: Date; jobs: number };

const ticksSince = (since: Date) =>
  withDatabase(async (db) =>
    (
      await db.query<{ minute: Date; jobs: string }>(
        `select date_trunc('minute', created_on) as minute, count(*) as jobs from pgboss.job
           where name = $1 and created_on >= $2 group by 1 order by 1`,
        [QUEUE, since],
      )
    ).rows.map((r): Tick => ({ minute: r.minute, jobs: Number(r.jobs) })),
  );

describe("schedules across instances", () => {
  it("sends a scheduled job once per tick, however many instances run", { timeout: 240_000 }, async () => {
    const since = new Date();
    const original = await withDatabase(async (db) => {
      const row = await db.query<{ cron: string }>("select cron from pgboss.schedule where name = $1", [QUEUE]);
      await db.query("update pgboss.schedule set cron = '* * * * *' where name = $1", [QUEUE]);
      return row.rows[0]!.cron;
    });
    try {
      let ticks: Tick[] = [];
      const deadline = Date.now() + 150_000;
      while (ticks.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        ticks = await ticksSince(since);
      }
      expect(ticks.length, "no scheduled job was sent within 150 s").toBeGreaterThan(0);
      // Both monitors (30 s apart at most) have looked at the schedule again during the tick's minute, or after it.
      const settle = ticks[0]!.minute.getTime() + 60_000 + 35_000 - Date.now();
      if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
      ticks = await ticksSince(since);
      console.info(
        `[scale] scheduled ${QUEUE} every minute on two instances: ${ticks.map((t) => `${t.minute.toISOString().slice(11, 16)} ×${t.jobs}`).join(", ")}`,
      );
      expect(ticks.every((t) => t.jobs === 1)).toBe(true);
    } finally {
      await withDatabase((db) => db.query("update pgboss.schedule set cron = $2 where name = $1", [QUEUE, original]));
    }
  });
});
