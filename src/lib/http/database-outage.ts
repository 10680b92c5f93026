import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "./service-unavailable";

/**
 * What this instance knows of its database between requests. A request that found it unreachable marks it down: the
 * route wrapper, the session check, and a page whose render failed (instrumentation's onRequestError). While it is
 * marked, the route guard answers public pages with the plain 503 page itself, because a page that throws can only end
 * as Next's error page, a 500: so at most the page requests already rendering when the database went away see that
 * (without a stack), and the rest of the outage is 503 with Retry-After. Whether the database answers again is checked
 * at most once a second for the whole instance, by the first page request after that second; the first answer clears
 * the mark. Kept on globalThis: the proxy, the pages and instrumentation are separate bundles in one process.
 */
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

type OutageState = { __budhhubDatabaseDownSince?: number; __budhhubDatabaseProbe?: { at: number; down: Promise<boolean> } };
const state = globalThis as unknown as OutageState;

export function noteDatabaseOutage(): void {
  state.__budhhubDatabaseDownSince ??= Date.now();
}

/** False at once while nothing has failed; otherwise whether the database still does not answer (checked ≤ 1/s). */
export async function databaseIsDown(): Promise<boolean> {
  if (state.__budhhubDatabaseDownSince === undefined) return false;
  const last = state.__budhhubDatabaseProbe;
  if (last && Date.now() - last.at < PROBE_EVERY_MS) return last.down;
  const down = probe();
  state.__budhhubDatabaseProbe = { at: Date.now(), down };
  return down;
}

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), PROBE_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([db.execute(sql`select 1`).then(() => "answered" as const), timeout]);
    if (answer === "timeout") return true;
    state.__budhhubDatabaseDownSince = undefined;
    return false;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return true;
    // Some other failure: not an outage this check can see, so the pages answer for themselves again.
    state.__budhhubDatabaseDownSince = undefined;
    return false;
  } finally {
    clearTimeout(timer);
  }
}
