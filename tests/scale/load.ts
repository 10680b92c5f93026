import fs from "node:fs";
import autocannon from "autocannon";
import { expect } from "vitest";
import { ApiClient, newAccount } from "../helpers/api-client";
import { scale, withDatabase } from "./scale-env";

/** POSTs new courses through the balancer until `until`; counts what was acknowledged (201) and what failed. */
async function writeCourses(client: ApiClient, until: number, prefix: string) {
  let acknowledged = 0;
  const failed: string[] = [];
  for (let i = 0; Date.now() < until; i++) {
    try {
      const response = await client.post("/api/instructor/courses", {
        title: `${prefix} ${i}`,
        description: "Written while an instance stops",
        outcomes: ["Survive a restart"],
        category: "Programming",
        difficulty: "beginner",
        estimatedDuration: 5,
      });
      if (response.status === 201) acknowledged += 1;
      else failed.push(`${response.status} ${response.text.slice(0, 120)}`);
    } catch (error) {
      failed.push(String(error));
    }
  }
  return { acknowledged, failed };
}

type Reads = { "2xx": number; non2xx: number; errors: number; timeouts: number; retried: number };

/**
 * GETs of `url` on `connections` kept-alive connections until `until`, as a browser sends them: a request whose
 * connection failed before any answer is sent again (browsers resend a request when the server closed a kept-alive
 * connection under it, which nginx's old workers do when a reload retires them), at most twice. Counts answers by
 * class, the requests sent again, and those that still failed or timed out.
 */
async function readLikeABrowser(url: string, connections: number, until: number): Promise<Reads> {
  const reads: Reads = { "2xx": 0, non2xx: 0, errors: 0, timeouts: 0, retried: 0 };
  const once = async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    reads[response.ok ? "2xx" : "non2xx"] += 1;
  };
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        for (let resent = 0; ; resent += 1) {
          try {
            await once();
            break;
          } catch (error) {
            const timedOut = error instanceof Error && error.name === "TimeoutError";
            if (timedOut || resent === 2) {
              reads[timedOut ? "timeouts" : "errors"] += 1;
              break;
            }
            reads.retried += 1;
          }
        }
      }
    }),
  );
  return reads;
}

/**
 * `seconds` of load through nginx: GETs of the catalog on 8 connections (autocannon's, or with `browserReads` sent
 * again after a connection failed before any answer, see readLikeABrowser), and 3 writers POSTing new courses as
 * one instructor. `during` runs meanwhile (it stops an instance). Returns what the readers got, the writes
 * acknowledged and failed, and the rows found afterwards.
 */
export async function loadThroughNginx(seconds: number, tag: string, during: () => Promise<void>, { browserReads = false } = {}) {
  const instructor = await newAccount("INSTRUCTOR", tag);
  // The writer's cookie, sent through the balancer from the instructor's own address.
  const writer = new ApiClient(scale.balancer, instructor.client.ip);
  writer.setCookie("authjs.session-token", instructor.client.sessionToken!);
  expect((await writer.get("/api/profile")).status).toBe(200);

  const until = Date.now() + seconds * 1000;
  const url = `${scale.balancer}/api/courses`;
  const reads: Promise<Reads> = browserReads
    ? readLikeABrowser(url, 8, until)
    : autocannon({ url, connections: 8, duration: seconds, timeout: 10 }).then((r) => ({ ...r, retried: 0 }));
  const writes = Promise.all(Array.from({ length: 3 }, (_, n) => writeCourses(writer, until, `${tag} ${n}`)));
  await during();
  const [read, written] = await Promise.all([reads, writes]);
  const rows = await withDatabase(async (db) =>
    Number((await db.query<{ n: string }>("select count(*) as n from courses where instructor_id = $1", [instructor.id])).rows[0]!.n),
  );
  return {
    read,
    acknowledged: written.reduce((n, w) => n + w.acknowledged, 0),
    failedWrites: written.flatMap((w) => w.failed),
    rows,
  };
}

/** nginx's upstream errors counted by reason and method: `connect() failed (111: Connection refused) GET ×3, …`. */
export function describeNginxErrors(lines: string[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const reason = /\*\d+ (.*?) while /.exec(line)?.[1] ?? line.slice(0, 80);
    const method = /request: "(\w+) /.exec(line)?.[1] ?? "?";
    const key = `${reason} ${method}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(", ") || "none";
}

/** The lines about upstreams that nginx's error log got after byte `from`. */
export function nginxErrorsSince(log: string, from: number): string[] {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, "utf8")
    .slice(from)
    .split("\n")
    .filter((line) => line.includes("upstream"));
}
