// npm run soak -- --learners 200 --minutes 10 [--database-url postgres://…]
// Simulated learners against a started server of its own (the embedded database in a temp folder, or a fresh database
// on the given PostgreSQL server): they sign up and in, open the course and its lessons, save their video position about
// every 10 seconds, complete lessons, take the course's quiz when they reach it (intro, start, an answer per question,
// submit) and ask a question on the lesson at hand about every 3 minutes. Every minute: answers by status, p50 / p97.5
// per action, the server's RSS and the database's size; at the end every acknowledged write looked up and the
// consistency check. Exit 1 on any error answer, a lost write, an inconsistency, or RSS growing past 10 % over the second
// half of the run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { ApiClient } from "../helpers/api-client";
import { ensureBuilt, startApp } from "../helpers/app-server";
import { CLEAN, checkConsistency, describeConsistency, isClean, listStored, type Query } from "./consistency";
import { acknowledgedWrites, keepActing, lostWrites, newLearners, type Outcome } from "./learners";

const { values } = parseArgs({
  options: { learners: { type: "string", default: "20" }, minutes: { type: "string", default: "1" }, "database-url": { type: "string" } },
});
const learnerCount = Number(values.learners);
const minutes = Number(values.minutes);
if (!Number.isInteger(learnerCount) || learnerCount < 1 || !(minutes > 0)) {
  console.error("usage: npm run soak -- --learners N --minutes M [--database-url postgres://…]");
  process.exit(2);
}

ensureBuilt();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-soak-"));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
if (values["database-url"]) {
  const name = `budhhub_soak_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: values["database-url"] });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(values["database-url"]);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const cleanup = new Client({ connectionString: values["database-url"] });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}
const label = databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : "PGlite (embedded)";
const server = await startApp({
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString("base64") } : {}),
});
console.log(`[soak] ${label}: server at ${server.url}, ${learnerCount} learners for ${minutes} min`);

/** RSS of the server and its children, in MiB. */
function rssMiB(): number {
  // ps exits 1 when the server has no children.
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(server.process.pid)], { encoding: "utf8" }).stdout;
  const pids = [server.process.pid!, ...children.split(/\s+/).filter(Boolean).map(Number)];
  let kb = 0;
  for (const pid of pids) {
    const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, "utf8") : "";
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

const sizeOfFolder = (dir: string): number =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .reduce((sum, e) => sum + (e.isDirectory() ? sizeOfFolder(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0)
    : 0;

async function databaseMiB(): Promise<number> {
  if (!databaseUrl) return sizeOfFolder(path.join(dataDir, "pglite")) / 1024 / 1024;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ size: string }>("select pg_database_size(current_database())::text as size");
  await client.end();
  return Number(rows[0]!.size) / 1024 / 1024;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function report(title: string, outcomes: Outcome[]) {
  const statuses: Record<string, number> = {};
  const byAction = new Map<string, number[]>();
  for (const o of outcomes) {
    statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    byAction.set(o.action, [...(byAction.get(o.action) ?? []), o.ms]);
  }
  const timings = [...byAction].map(([action, ms]) => {
    const sorted = ms.sort((a, b) => a - b);
    return `${action} ${sorted.length}× p50 ${percentile(sorted, 50)} ms p97.5 ${percentile(sorted, 97.5)} ms`;
  });
  console.log(`[soak] ${title}: answers by status ${JSON.stringify(statuses)}; ${timings.join("; ")}`);
}

let status = 1;
try {
  const catalog = (await new ApiClient(server.url).get("/api/courses")).json<{ courses: { id: string }[] }>();
  const setupStarted = Date.now();
  const learners = await newLearners(server.url, learnerCount, catalog.courses[0]!.id, "soak", {
    quizzes: true,
    questionEveryMs: 180_000,
  });
  report(
    `set-up (${Date.now() - setupStarted} ms)`,
    learners.flatMap((l) => l.outcomes),
  );
  const setupCount = learners.map((l) => l.outcomes.length);

  const endAt = Date.now() + minutes * 60_000;
  // One action every 2.5 s a learner, so a position save (one action in four) about every 10 s.
  const load = keepActing(learners, () => Date.now() >= endAt, 2_500);
  const rss: number[] = [];
  let seen = setupCount.slice();
  for (let minute = 1; Date.now() < endAt; minute++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, Math.max(0, endAt - Date.now()))));
    const fresh = learners.flatMap((l, i) => l.outcomes.slice(seen[i]));
    seen = learners.map((l) => l.outcomes.length);
    rss.push(rssMiB());
    report(`minute ${minute}: RSS ${rss.at(-1)!.toFixed(0)} MiB, database ${(await databaseMiB()).toFixed(1)} MiB`, fresh);
  }
  await load;
  const all = learners.flatMap((l, i) => l.outcomes.slice(setupCount[i]));
  report("whole run", all);
  const errors = all.filter((o) => o.status === 0 || o.status >= 400);
  const half = rss.slice(Math.floor(rss.length / 2));
  const growth = half.length > 1 ? (Math.max(...half) - half[0]!) / half[0]! : 0;
  console.log(
    `[soak] RSS by minute ${rss.map((r) => r.toFixed(0)).join(", ")} MiB; growth over the second half ${(growth * 100).toFixed(1)} %`,
  );
  for (const e of errors.slice(0, 10)) console.log(`[soak] error: ${e.action} ${e.status} ${e.body.slice(0, 200)}`);

  await server.stop();
  let query: Query;
  let close: () => Promise<void>;
  if (databaseUrl) {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    query = async (text) => (await client.query(text)).rows as Record<string, unknown>[];
    close = () => client.end();
  } else {
    const db = new PGlite(path.join(dataDir, "pglite"));
    query = async (text) => (await db.query<Record<string, unknown>>(text)).rows;
    close = () => db.close();
  }
  const lost = await lostWrites(query, learners);
  const consistency = await checkConsistency(query, listStored(path.join(dataDir, "storage")));
  await close();
  const acknowledged = acknowledgedWrites(learners);
  const lostCount = lost.completions.length + lost.attempts.length + lost.threads.length;
  console.log(
    `[soak] acknowledged writes not found: completions ${lost.completions.length} of ${acknowledged.completions}, ` +
      `quiz submissions ${lost.attempts.length} of ${acknowledged.attempts}, questions ${lost.threads.length} of ${acknowledged.threads}`,
  );
  console.log(`[soak] consistency: ${describeConsistency(consistency)}`);
  for (const [what, rows] of [
    ...Object.entries(lost),
    ...Object.keys(CLEAN).map((key) => [key, consistency[key as keyof typeof CLEAN]] as const),
  ]) {
    for (const row of rows.slice(0, 3)) console.log(`[soak] ${what}: ${JSON.stringify(row)}`);
  }
  const clean = isClean(consistency);
  status = errors.length === 0 && lostCount === 0 && clean && growth <= 0.1 ? 0 : 1;
  console.log(
    `[soak] ${status === 0 ? "PASS" : "FAIL"}: ${errors.length} errors, ${lostCount} lost writes, consistency ` +
      `${clean ? "clean" : "NOT clean"}, RSS growth ${(growth * 100).toFixed(1)} %`,
  );
} finally {
  await server.stop();
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
