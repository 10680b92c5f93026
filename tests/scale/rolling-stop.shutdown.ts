import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { setInstanceDown } from "../helpers/balancer";
import { describeNginxErrors, loadThroughNginx, nginxErrorsSince } from "./load";
import { scale, waitUntilGone } from "./scale-env";

const LOAD_SECONDS = 8;
const DOWN_AFTER_MS = 1500;
const STOP_AFTER_MS = 2500;

/**
 * One step of the roll-out in docs/deploy.md: the instance is marked `down` in nginx's upstream and nginx reloaded, the
 * test waits until nginx's old workers have exited (as docs/deploy.md says to), then the instance gets SIGTERM, under
 * the same load as the SIGTERM test. nginx sends new requests to the other, the stopping one finishes what it has: no
 * request of any kind may fail. The readers are browser-like: a retiring nginx worker closes its kept-alive client
 * connections, and a GET sent on one at that moment is sent again, as browsers do.
 */
describe("an instance taken out of nginx's upstream, then stopped", () => {
  it("under load: no failed GET, no failed POST, no lost write", async () => {
    const prefix = process.env.SCALE_NGINX_PREFIX!;
    const aPort = Number(new URL(scale.a).port);
    let reloadMs = 0;
    const nginxLog = process.env.SCALE_NGINX_ERROR_LOG!;
    const nginxLogFrom = fs.existsSync(nginxLog) ? fs.statSync(nginxLog).size : 0;
    try {
      const { read, acknowledged, failedWrites, rows } = await loadThroughNginx(
        LOAD_SECONDS,
        "scale-rolling",
        async () => {
          await new Promise((resolve) => setTimeout(resolve, DOWN_AFTER_MS));
          const reloaded = Date.now();
          await setInstanceDown(prefix, aPort, true);
          reloadMs = Date.now() - reloaded;
          await new Promise((resolve) => setTimeout(resolve, STOP_AFTER_MS - DOWN_AFTER_MS));
          process.kill(scale.aPid, "SIGTERM");
        },
        { browserReads: true },
      );
      await waitUntilGone(scale.a, { timeoutMs: 30_000 });
      console.info(
        `[scale] A marked down in nginx ${DOWN_AFTER_MS} ms into ${LOAD_SECONDS} s of load (old workers gone ${reloadMs} ms later), ` +
          `stopped ${STOP_AFTER_MS - DOWN_AFTER_MS} ms after that: ` +
          `GET /api/courses ${read["2xx"]} ok, ${read.non2xx} non-2xx, ${read.errors} errors, ${read.timeouts} timeouts ` +
          `(${read.retried} sent again after their connection closed before an answer); ` +
          `POST courses ${acknowledged} acknowledged, ${failedWrites.length} failed, ${rows} rows found; ` +
          `nginx's upstream errors: ${describeNginxErrors(nginxErrorsSince(nginxLog, nginxLogFrom))}`,
      );
      expect(read["2xx"]).toBeGreaterThan(0);
      expect({ non2xx: read.non2xx, errors: read.errors, timeouts: read.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
      expect(failedWrites).toEqual([]);
      expect(rows).toBe(acknowledged);
    } finally {
      // Back in the upstream for the tests after this one (the runner starts A again on the same port).
      await setInstanceDown(prefix, aPort, false);
    }
  });
});
