import "server-only";
import { env } from "@/env";
import { log } from "@/lib/log/logger";

type Listener = (signal: NodeJS.Signals) => void;
const state = globalThis as unknown as { __budhhubDrainingSince?: number; __budhhubDrainInstalled?: boolean };

/** True from SIGTERM until the process exits: /api/ready answers 503 and every response closes its connection. */
export const isDraining = () => state.__budhhubDrainingSince !== undefined;

/**
 * Drain before close. `next start` answers SIGTERM by closing its listener at once, then waits for the requests in
 * flight and exits. Behind a balancer that is too soon: a request already on its way to this instance (accepted by the
 * kernel, not yet read) is reset, and a balancer only learns of the stop from failures. So on SIGTERM this instance
 * first drains for SHUTDOWN_DRAIN_MS: it goes on serving, /api/ready answers 503 (a readiness probe or an active check
 * takes it out of rotation), and each response says `Connection: close` (a keep-alive client or balancer reconnects,
 * and lands elsewhere once this one is out). Then Next's own handler runs: the listener closes, the requests in flight
 * finish, the job queue stops (src/lib/jobs/start-jobs.ts), the process exits. A second SIGTERM, or SIGINT (Ctrl+C),
 * skips what is left of the drain.
 *
 * Called from register(), which Next.js runs after it has set its own SIGTERM handler: that handler is taken aside and
 * called when the drain ends.
 */
export function installShutdownDrain(): void {
  if (state.__budhhubDrainInstalled) return;
  state.__budhhubDrainInstalled = true;
  const drainMs = env.shutdownDrainMs;
  if (drainMs === 0 || !env.isProduction) return;
  const close = process.listeners("SIGTERM") as Listener[];
  if (close.length === 0) {
    log("APP").warn("no SIGTERM handler of the server's to delay: SIGTERM closes at once, without a drain");
    return;
  }
  for (const listener of close) process.removeListener("SIGTERM", listener);
  let closing = false;
  const closeNow = () => {
    if (closing) return;
    closing = true;
    log("APP").info({ ms: Date.now() - state.__budhhubDrainingSince! }, "drained: closing the listener, finishing requests in flight");
    for (const listener of close) listener("SIGTERM");
  };
  process.on("SIGTERM", () => {
    if (isDraining()) return closeNow();
    state.__budhhubDrainingSince = Date.now();
    log("APP").info({ drainMs }, `SIGTERM: draining for ${drainMs} ms (/api/ready answers 503, connections close), then stopping`);
    setTimeout(closeNow, drainMs);
  });
}
