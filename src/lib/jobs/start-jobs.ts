import "server-only";
import { log } from "@/lib/log/logger";
import { getJobQueue } from "./queue";
import { registerWorkers } from "./workers";

/** How long a job in flight may take to finish once the server is told to stop; after that it goes back to its queue. */
const STOP_TIMEOUT_MS = 15_000;

const globalForStop = globalThis as unknown as { __budhhubJobsStopping?: Promise<void>; __budhhubJobsSignals?: boolean };

/** Creates or migrates the queue's schema, starts the workers and the schedules; called once by the server at start. */
export async function startJobs(): Promise<void> {
  const queue = getJobQueue();
  await queue.start();
  await registerWorkers(queue);
  stopJobsOnSignal();
}

export function stopJobs(): Promise<void> {
  const started = Date.now();
  globalForStop.__budhhubJobsStopping ??= getJobQueue()
    .stop({ timeoutMs: STOP_TIMEOUT_MS })
    .then(() => log("JOBS").info({ ms: Date.now() - started }, "job queue stopped"))
    .catch((error: unknown) => log("JOBS").error({ err: error }, "could not stop the job queue cleanly"));
  return globalForStop.__budhhubJobsStopping;
}

/**
 * Next's own SIGTERM/SIGINT handler closes the HTTP server and then calls process.exit, which would cut a job short.
 * The exit is held until the workers have stopped: a job in flight finishes, or after STOP_TIMEOUT_MS goes back to its
 * queue for another instance or the next start.
 */
function stopJobsOnSignal() {
  if (globalForStop.__budhhubJobsSignals) return;
  globalForStop.__budhhubJobsSignals = true;
  const onSignal = () => {
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => {
      void stopJobs().finally(() => exit(code));
    }) as typeof process.exit;
    void stopJobs();
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
