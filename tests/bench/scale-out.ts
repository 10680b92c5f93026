import os from "node:os";
import { freePort, type AppServer } from "../helpers/app-server";
import { startBalancer } from "../helpers/balancer";
import { loadTest, probe, type LoadResult } from "./measure";
import type { BenchOptions } from "./options";
import type { Scenario } from "./scenarios";

/**
 * `--instances 2`: every scenario through Debian's nginx running deploy/nginx.conf, once with one instance behind it and
 * once with two, on the same database server. Both balancers run side by side and each scenario is measured through
 * one and then the other (alternating which goes first), so that drift over the run falls on both alike. The factor is
 * req/s with two ÷ req/s with one: 2 would be perfect scaling, on a machine whose cores are not all already busy.
 */
export type ScaleOutRow = { scenario: Scenario; one: LoadResult; two: LoadResult; factor: number };

export type ScaleOutResult = {
  rows: ScaleOutRow[];
  /** The mean of the factors of rows with no failed or non-2xx response. */
  meanFactor: number;
  /** Scenarios not measured again, and why. */
  skipped: { scenario: Scenario; reason: string }[];
  /** The machine's 1-minute load average when the phase began, its highest during it (sampled every 2 s), and at its end. */
  loadAverage: { atStart: number; max: number; atEnd: number };
};

export const scaleOutRowFailed = ({ one, two }: ScaleOutRow) =>
  [one, two].some((load) => load.non2xx > 0 || load.errors > 0 || load.timeouts > 0);

export async function measureScaleOut({
  startServer,
  onCleanup,
  scenarios,
  options,
  log,
}: {
  /** Starts one more instance on the bench database; the caller stops it at the end of the run. */
  startServer: () => Promise<AppServer>;
  onCleanup: (step: () => Promise<void>) => void;
  scenarios: Scenario[];
  options: Pick<BenchOptions, "connections" | "duration" | "warmup">;
  log: (line: string) => void;
}): Promise<ScaleOutResult> {
  const loads: number[] = [];
  const sample = () => loads.push(os.loadavg()[0]!);
  sample();
  const sampler = setInterval(sample, 2_000);
  try {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const one = await startBalancer(await freePort(), [a.port]);
    onCleanup(one.stop);
    const two = await startBalancer(await freePort(), [a.port, b.port]);
    onCleanup(two.stop);
    log(`nginx with one instance at ${one.url}, with two at ${two.url} (instances ${a.url} and ${b.url})`);

    const rows: ScaleOutRow[] = [];
    const skipped: ScaleOutResult["skipped"] = [];
    for (const scenario of scenarios) {
      if (scenario.nextPath) {
        skipped.push({ scenario, reason: "each request uses up a prepared row; the pool is sized for one measurement" });
        continue;
      }
      // A page that answers differently behind nginx (a redirect, a refused write) would measure something else.
      const statuses = [await probe(one, scenario), await probe(two, scenario)];
      if (statuses.some((status) => status >= 300)) {
        skipped.push({ scenario, reason: `answered ${statuses.join(" and ")} through nginx` });
        continue;
      }
      const order = rows.length % 2 === 0 ? ([one, two] as const) : ([two, one] as const);
      const measured = new Map<string, LoadResult>();
      for (const balancer of order) {
        log(`${scenario.name} through nginx with ${balancer === one ? "one instance" : "two instances"}…`);
        measured.set(balancer.url, await loadTest(balancer, scenario, options));
      }
      const [withOne, withTwo] = [measured.get(one.url)!, measured.get(two.url)!];
      rows.push({ scenario, one: withOne, two: withTwo, factor: withTwo.requestsPerSecond / withOne.requestsPerSecond });
    }
    const counted = rows.filter((row) => !scaleOutRowFailed(row));
    const meanFactor = counted.reduce((sum, row) => sum + row.factor, 0) / Math.max(counted.length, 1);
    sample();
    return { rows, meanFactor, skipped, loadAverage: { atStart: loads[0]!, max: Math.max(...loads), atEnd: loads.at(-1)! } };
  } finally {
    clearInterval(sampler);
  }
}
