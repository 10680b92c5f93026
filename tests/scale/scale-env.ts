import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Client } from "pg";
import { ApiClient } from "../helpers/api-client";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests with \`npm run test:scale\`.`);
  return value;
}

/** The balancer and each instance behind it, started by tests/scale/run.ts. */
export const scale = {
  get balancer() {
    return required("SCALE_BALANCER_URL");
  },
  get a() {
    return required("SCALE_A_URL");
  },
  get b() {
    return required("SCALE_B_URL");
  },
  get aPid() {
    return Number(required("SCALE_A_PID"));
  },
  /** The instances' database driver: pg, or neon through the WebSocket bridge (npm run test:scale -- --driver neon). */
  get driver() {
    return required("SCALE_DRIVER");
  },
  get databaseUrl() {
    return required("SCALE_DATABASE_URL");
  },
  startLog(instance: "a" | "b") {
    return fs.readFileSync(path.join(required("SCALE_LOG_DIR"), `${instance}-start.log`), "utf8");
  },
};

/** Where s3rver keeps an object on disk (its filesystem store). */
export const storedObject = (key: string) =>
  path.join(required("SCALE_S3_DIRECTORY"), required("SCALE_S3_BUCKET"), `${key}._S3rver_object`);

/**
 * GET `url` on a connection of its own (a kept-alive one can outlive the listener): its status and body, or null when
 * the connection is refused or fails.
 */
export const getFresh = (url: string) =>
  new Promise<{ status: number; body: string } | null>((resolve) => {
    const request = http.get(url, { agent: false, timeout: 5000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.once("error", () => resolve(null));
    });
    request.once("error", () => resolve(null));
    request.once("timeout", () => request.destroy());
  });

/** Waits until `base` refuses connections (an instance told to stop has exited); throws after `timeoutMs`. */
export async function waitUntilGone(base: string, { timeoutMs = 60_000 } = {}): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (!(await getFresh(`${base}/api/health`))) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} still answers ${timeoutMs} ms after it was told to stop`);
}

/** A client of instance `base` that sends another client's session cookie and address: the same browser, another instance. */
export function sameBrowserOn(base: string, client: ApiClient): ApiClient {
  const other = new ApiClient(base, client.ip);
  const token = client.sessionToken;
  if (token) other.setCookie("authjs.session-token", token);
  return other;
}

/** Runs `fn` with a connection to the database both instances share. */
export async function withDatabase<T>(fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: scale.databaseUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/**
 * After a change: `staleMs`, when (ms after the call) the last probe that still saw the old state was sent, the
 * staleness observed (0 when the first probe saw the change); `seenMs`, when the first probe that saw it was sent.
 */
export type Staleness = { staleMs: number; seenMs: number };

/** Polls `probe` until it returns true; throws after `timeoutMs`. Times are when each probe was sent. */
export async function timeUntil(probe: () => Promise<boolean>, { timeoutMs = 10_000, everyMs = 50 } = {}): Promise<Staleness> {
  const started = Date.now();
  let staleMs = 0;
  for (;;) {
    const sent = Date.now() - started;
    if (await probe()) return { staleMs, seenMs: sent };
    staleMs = sent;
    if (Date.now() - started > timeoutMs) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** "stale up to 812 ms, seen at 860 ms" */
export const describeStaleness = ({ staleMs, seenMs }: Staleness) => `stale up to ${staleMs} ms, seen at ${seenMs} ms`;
