import autocannon, { type RequestParams } from "autocannon";
import type { AppServer } from "../helpers/app-server";
import type { Scenario } from "./scenarios";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p97_5Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses by HTTP status, to tell a 500 from a redirect when non2xx is not 0. */
  statusCodes: Record<string, number>;
};

/** Where requests go: one server, or the balancer in front of several. */
export type Target = { url: string };

function cannonOptions(server: Target, scenario: Scenario, connections: number, duration: number) {
  return {
    url: server.url + scenario.path,
    connections,
    duration,
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
    // A path of its own for every request, when the scenario needs one.
    ...(scenario.nextPath
      ? { requests: [{ setupRequest: (request: RequestParams) => ({ ...request, path: scenario.nextPath!() }) }] }
      : {}),
  };
}

/** Warm-up load (discarded: JIT, caches and the database's buffers settle), then the measured run. */
export async function loadTest(
  server: Target,
  scenario: Scenario,
  { connections, duration, warmup }: { connections: number; duration: number; warmup: number },
): Promise<LoadResult> {
  if (warmup > 0) await autocannon(cannonOptions(server, scenario, connections, warmup));
  const result = await autocannon(cannonOptions(server, scenario, connections, duration));
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p97_5Ms: result.latency.p97_5,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count])),
  };
}

export type QueryCount = { perRequest: number; requests: number; failedRequests: number };

function countQueryLines(text: string): number {
  let count = 0;
  for (const line of text.split("\n")) {
    if (!line.includes('"query"')) continue;
    try {
      const entry = JSON.parse(line) as { scope?: string; msg?: string };
      if (entry.scope === "DB" && entry.msg === "query") count++;
    } catch {
      // Not a log line of ours (Next prints plain text too).
    }
  }
  return count;
}

/** Resolves once the server has printed nothing new for a while: log lines reach us through a pipe, after the response. */
async function outputSettled(server: AppServer, quietMs = 300, maxMs = 5_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  let length = server.output().length;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = server.output().length;
    if (now === length) return now;
    length = now;
  }
  return length;
}

/** One request of the scenario; its HTTP status. */
export async function probe(server: Target, scenario: Scenario): Promise<number> {
  const response = await fetch(server.url + (scenario.nextPath?.() ?? scenario.path), {
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status;
}

const send = async (server: AppServer, scenario: Scenario) => (await probe(server, scenario)) < 300;

/**
 * SQL statements per request, from a server started with DB_LOG_QUERIES=true and LOG_LEVEL=debug: the query lines it
 * prints during `requests` sequential requests, divided by their number. Sequential, so no other request's lines mix in.
 */
export async function countQueries(server: AppServer, scenario: Scenario, { requests = 20, warmups = 2 } = {}): Promise<QueryCount> {
  for (let i = 0; i < warmups; i++) await send(server, scenario);
  const before = await outputSettled(server);
  let failedRequests = 0;
  for (let i = 0; i < requests; i++) if (!(await send(server, scenario))) failedRequests++;
  const after = await outputSettled(server);
  const lines = countQueryLines(server.output().slice(before, after));
  return { perRequest: lines / requests, requests, failedRequests };
}

/** Guards against counting zero because logging was off: the server's start-up (migrations) always runs queries. */
export function assertQueriesAreLogged(server: AppServer) {
  if (countQueryLines(server.output()) === 0) {
    throw new Error(
      'The query-counting server printed no {"scope":"DB","msg":"query"} lines at all, not even for its start-up migrations: ' +
        "has DB_LOG_QUERIES or the log format changed?",
    );
  }
}
