import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { log } from "@/lib/log/logger";

type Deferred = { what: string; work: () => Promise<void> };

const scope = new AsyncLocalStorage<Deferred[]>();

/**
 * Work that should not hold up the answer, or tell anything by how long the answer took (sending mail, a sweep): inside
 * a request it runs once the response has gone (the route wrapper in src/app/_http/route.ts hands it to Next's after());
 * outside one (tests, scripts) it runs now.
 */
export async function defer(what: string, work: () => Promise<void>): Promise<void> {
  const queue = scope.getStore();
  if (queue) queue.push({ what, work });
  else await work();
}

/** Runs fn collecting what it defers; the caller runs the collected work (runDeferred) when the time has come. */
export async function collectDeferred<T>(fn: () => Promise<T>): Promise<{ result: T; deferred: Deferred[] }> {
  const deferred: Deferred[] = [];
  const result = await scope.run(deferred, fn);
  return { result, deferred };
}

/** Runs collected work one after another; a failure is logged and does not stop the rest. */
export async function runDeferred(deferred: Deferred[]): Promise<void> {
  for (const { what, work } of deferred) {
    await work().catch((error: unknown) => log("APP").error({ err: error }, `${what} failed`));
  }
}
