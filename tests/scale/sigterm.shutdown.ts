import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { describeNginxErrors, loadThroughNginx, nginxErrorsSince } from "./load";
import { getFresh, scale, waitUntilGone } from "./scale-env";

const LOAD_SECONDS = 8;
const STOP_AFTER_MS = 2500;
/** SHUTDOWN_DRAIN_MS of the instances (tests/scale/run.ts): A closes its listener this long after the signal, under load. */
const DRAIN_MS = Number(process.env.SCALE_DRAIN_MS);

/** Polls A directly until it stops answering: what /api/ready and /api/health said while it drained. */
async function watchDrain() {
  const seen = { ready503: 0, ready200: 0, health200: 0, firstReady503Ms: -1 };
  const started = Date.now();
  for (;;) {
    const [ready, health] = await Promise.all([getFresh(`${scale.a}/api/ready`), getFresh(`${scale.a}/api/health`)]);
    if (!ready && !health) return seen;
    if (ready?.status === 503 && (JSON.parse(ready.body) as { draining?: boolean }).draining) {
      seen.ready503 += 1;
      if (seen.firstReady503Ms < 0) seen.firstReady503Ms = Date.now() - started;
    } else if (ready?.status === 200) seen.ready200 += 1;
    if (health?.status === 200) seen.health200 += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("stopping one instance under load", () => {
  it("finishes its requests in flight and nginx sends the rest to the other: no failed GET, no lost write", async () => {
    let stopping = 0;
    let nginxLogFrom = 0;
    let drain: ReturnType<typeof watchDrain> | undefined;
    const nginxLog = process.env.SCALE_NGINX_ERROR_LOG!;
    const { read, acknowledged, failedWrites, rows } = await loadThroughNginx(LOAD_SECONDS, "scale-sigterm", async () => {
      await new Promise((resolve) => setTimeout(resolve, STOP_AFTER_MS));
      stopping = Date.now();
      nginxLogFrom = fs.existsSync(nginxLog) ? fs.statSync(nginxLog).size : 0;
      process.kill(scale.aPid, "SIGTERM");
      drain = watchDrain();
    });
    // Instance A is gone (SIGTERM let it drain, finish and exit).
    await waitUntilGone(scale.a, { timeoutMs: 30_000 });
    const goneMs = Date.now() - stopping;
    const drained = (await drain)!;
    // What nginx saw of A's stop: each request it could not hand to A, and why (a POST it had sent is the 502 above).
    const nginxErrors = nginxErrorsSince(nginxLog, nginxLogFrom);
    console.info(
      `[scale] SIGTERM to instance A ${STOP_AFTER_MS} ms into ${LOAD_SECONDS} s of load through nginx, drain ${DRAIN_MS} ms: ` +
        `GET /api/courses ${read["2xx"]} ok, ${read.non2xx} non-2xx, ${read.errors} errors, ${read.timeouts} timeouts; ` +
        `POST courses ${acknowledged} acknowledged, ${failedWrites.length} failed (${failedWrites.map((f) => f.slice(0, 3)).join(", ") || "none"}), ` +
        `${rows} rows found; A's /api/ready while draining: ${drained.ready503} × 503 (first ${drained.firstReady503Ms} ms after the signal), ` +
        `${drained.ready200} × 200, /api/health ${drained.health200} × 200; A gone ${goneMs} ms after the signal; ` +
        `nginx's upstream errors: ${describeNginxErrors(nginxErrors)}`,
    );
    expect(read["2xx"]).toBeGreaterThan(0);
    expect({ non2xx: read.non2xx, errors: read.errors, timeouts: read.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
    // No lost write: every acknowledged write is a row, and no row comes from nowhere. A POST that reaches A just as it
    // closes can end as nginx's 502 (a request that may have been sent is not retried unless idempotent): the client
    // sees it fail and may retry. It must be that, never the app's 500, and at most a few of them. The drain does not
    // prevent it: nginx never asks /api/ready, and a connection it opened and wrote to that sat in A's accept queue
    // when A closed its listener is reset ("recv() failed (104: Connection reset by peer)"). Measured here with a 3 s
    // drain: 6 of 18 runs had one such POST; without one, 2 of 7 runs had 1 and 2. The roll-out test
    // (rolling-stop.shutdown.ts) takes A out of nginx's upstream first and allows none.
    expect(rows).toBeGreaterThanOrEqual(acknowledged);
    expect(rows).toBeLessThanOrEqual(acknowledged + failedWrites.length);
    for (const failure of failedWrites) expect(failure).toMatch(/^502 /);
    expect(failedWrites.length).toBeLessThanOrEqual(3);
    // It drained: told balancers it was stopping while it still served, then closed no sooner than the drain's end.
    // (SCALE_SHUTDOWN_DRAIN_MS=0 runs this test without a drain, for comparison.)
    if (DRAIN_MS > 0) {
      expect(drained.ready503).toBeGreaterThan(0);
      expect(drained.ready200).toBe(0);
      expect(goneMs).toBeGreaterThanOrEqual(DRAIN_MS);
    }
    // The balancer still answers, from B.
    expect((await fetch(`${scale.balancer}/api/ready`)).status).toBe(200);
  });
});
