import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GenerationResult } from "./generate-data";
import type { LoadResult, QueryCount } from "./measure";
import type { BenchOptions } from "./options";
import { scaleOutRowFailed, type ScaleOutResult } from "./scale-out";
import type { Scenario } from "./scenarios";

export type ScenarioResult = {
  label: string;
  scenario: Scenario;
  load: LoadResult;
  queries?: QueryCount;
  /** The server's peak resident memory during this scenario (tests/bench/peak-rss.ts); null off Linux. */
  peakRssBytes: number | null;
};

export type BenchReport = {
  startedAt: string;
  options: BenchOptions;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  database: string;
  generation: GenerationResult;
  /** pg_database_size after generation, and the largest tables with their indexes (pg_total_relation_size). */
  size: DatabaseSize | null;
  /** The file from /_next/static that is the ceiling. */
  staticFile: { path: string; bytes: number };
  /** Mean req/s of the static file measured first and last: the 1.00 of the "× static" column. */
  ceilingRequestsPerSecond: number;
  /** Mean req/s of the trivial app page (/about) measured first and last: the 1.00 of the "× /about" column. */
  trivialRequestsPerSecond: number;
  /** Optional scenarios whose page or route does not exist yet (it answered 404): reported, not measured. */
  unavailable: { scenario: Scenario; status: number }[];
  /** ratio: to the static file (the ceiling); trivialRatio: to the trivial app page. */
  results: (ScenarioResult & { ratio: number; trivialRatio: number; flagged: boolean })[];
  /** With --instances 2: each scenario through nginx with one and with two instances. */
  scaleOut?: ScaleOutResult;
};

export type DatabaseSize = { bytes: number; tables: { name: string; bytes: number }[] };

export function describeMachine(): BenchReport["machine"] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A scenario is flagged when any response failed or was not 2xx: its figures would then measure an error page. */
export function isFlagged(result: ScenarioResult) {
  const { load, queries } = result;
  return (
    load.non2xx > 0 || load.errors > 0 || load.timeouts > 0 || (queries?.failedRequests ?? 0) > 0 || Boolean(result.scenario.problem?.())
  );
}

const thousands = (n: number) => n.toLocaleString("en-US");
const fixed = (n: number, digits: number) => n.toFixed(digits);

function problems({ load, queries, scenario }: ScenarioResult): string {
  const parts: string[] = [];
  const problem = scenario.problem?.();
  if (problem) parts.push(problem);
  if (load.non2xx > 0) {
    const byStatus = Object.entries(load.statusCodes)
      .filter(([status]) => !status.startsWith("2"))
      .map(([status, n]) => `${status}×${n}`)
      .join(" ");
    parts.push(`${thousands(load.non2xx)} non-2xx (${byStatus})`);
  }
  if (load.errors > 0) parts.push(`${thousands(load.errors)} errors`);
  if (load.timeouts > 0) parts.push(`${thousands(load.timeouts)} timeouts`);
  if (queries && queries.failedRequests > 0) parts.push(`${queries.failedRequests}/${queries.requests} failed while counting SQL`);
  return parts.length > 0 ? `FLAGGED: ${parts.join(", ")}` : "";
}

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function formatReport(report: BenchReport): string {
  const { options, machine, generation } = report;
  const c = generation.counts;
  const header = ["scenario", "path", "req/s", "p50 ms", "p97.5 ms", "× static", "× /about", "SQL/req", "peak RSS", "requests", "notes"];
  const rows = report.results.map((r) => [
    r.label,
    `${r.scenario.method ?? "GET"} ${r.scenario.path}`,
    fixed(r.load.requestsPerSecond, 1),
    fixed(r.load.p50Ms, 1),
    fixed(r.load.p97_5Ms, 1),
    fixed(r.ratio, 3),
    fixed(r.trivialRatio, 2),
    r.queries ? fixed(r.queries.perRequest, 2) : "–",
    r.peakRssBytes === null ? "–" : mib(r.peakRssBytes),
    thousands(r.load.requests),
    problems(r),
  ]);
  for (const { scenario, status } of report.unavailable) {
    rows.push([
      scenario.name,
      `${scenario.method ?? "GET"} ${scenario.path}`,
      ...Array<string>(8).fill("–"),
      `not available (answered ${status})`,
    ]);
  }
  return [
    "",
    `BudhHub bench, ${report.startedAt}`,
    `parameters: ${thousands(options.courses)} courses, ${thousands(options.enrollments)} enrollments; ` +
      `${options.duration} s per scenario after ${options.warmup} s warm-up; ${options.connections} connections`,
    `machine:    ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`,
    `database:   ${report.database}`,
    `rows:       users ${thousands(c.users)} (${thousands(c.instructors)} instructors, ${thousands(c.learners)} learners), ` +
      `courses ${thousands(c.courses)} (${thousands(c.publishedCourses)} published), modules ${thousands(c.modules)}, ` +
      `lessons ${thousands(c.lessons)}, enrollments ${thousands(c.enrollments)}, lesson_progress ${thousands(c.lessonProgress)}`,
    `generation: ${fixed(generation.ms / 1000, 1)} s`,
    ...(report.size ? [`size:       ${formatSize(report.size)}`] : []),
    "",
    table(header, rows, [false, false, true, true, true, true, true, true, true, true, false]),
    "",
    baselineLine(
      report,
      "× static",
      report.ceilingRequestsPerSecond,
      "static file",
      `${report.staticFile.path}, ${report.staticFile.bytes} bytes`,
    ),
    baselineLine(report, "× /about", report.trivialRequestsPerSecond, "trivial page", "an app page that reads no data"),
    "",
    ...(report.scaleOut ? [formatScaleOut(report.scaleOut, report.machine.cpus), ""] : []),
  ].join("\n");
}

/** One baseline: its mean, and how far its first and last measurements differ (a rough measure of this run's noise). */
function baselineLine(report: BenchReport, column: string, mean: number, name: string, what: string): string {
  const runs = report.results.filter((r) => r.scenario.name === name).map((r) => r.load.requestsPerSecond);
  const [first = 0, last = 0] = [runs[0], runs.at(-1)];
  const drift = first > 0 ? ((last - first) / first) * 100 : 0;
  return (
    `${column} = 1.00: ${fixed(mean, 1)} req/s, the ${name} (${what}) measured first (${fixed(first, 1)}) and last ` +
    `(${fixed(last, 1)}), which differ by ${fixed(drift, 1)} %.`
  );
}

const mib = (bytes: number) => `${fixed(bytes / 1024 ** 2, 1)} MiB`;

function formatSize({ bytes, tables }: DatabaseSize): string {
  return `${mib(bytes)} in all; ${tables.map((t) => `${t.name} ${mib(t.bytes)}`).join(", ")}`;
}

function formatScaleOut(scaleOut: ScaleOutResult, cpus: number): string {
  const header = ["scenario", "path", "req/s, 1 behind nginx", "req/s, 2 behind nginx", "2 ÷ 1", "notes"];
  const rows = scaleOut.rows.map((row) => [
    row.scenario.name,
    `${row.scenario.method ?? "GET"} ${row.scenario.path}`,
    fixed(row.one.requestsPerSecond, 1),
    fixed(row.two.requestsPerSecond, 1),
    fixed(row.factor, 2),
    scaleOutRowFailed(row) ? `FLAGGED: failed or non-2xx responses (${JSON.stringify([row.one.statusCodes, row.two.statusCodes])})` : "",
  ]);
  for (const { scenario, reason } of scaleOut.skipped) {
    rows.push([scenario.name, `${scenario.method ?? "GET"} ${scenario.path}`, "–", "–", "–", `not measured: ${reason}`]);
  }
  const { atStart, max, atEnd } = scaleOut.loadAverage;
  return [
    "Through nginx (deploy/nginx.conf), one instance behind it and two, same database server:",
    "",
    table(header, rows, [false, false, true, true, true, false]),
    "",
    `mean scaling factor (2 ÷ 1): ${fixed(scaleOut.meanFactor, 2)}. Load average (1 min) ${fixed(atStart, 2)} at the start, ` +
      `${fixed(max, 2)} at most, ${fixed(atEnd, 2)} at the end, on ${cpus} CPUs: the instances, nginx, the database ` +
      `and the load generator share them, so a factor near 2 needs a core per instance to spare.`,
  ].join("\n");
}

export function writeJsonReport(file: string, report: BenchReport) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
}
