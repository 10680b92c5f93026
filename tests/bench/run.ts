// npm run bench [-- --database-url URL --instances 2 --courses N --enrollments M --duration S --connections C --warmup S --json FILE]
//
// Generates a catalog of the requested size in a database of its own, serves it with `next start`, and measures each
// scenario with autocannon, printed as ratios to two baselines measured first and last in the same run: a file from
// /_next/static (the server's ceiling) and a trivial app page (/about). The machine is shared and noisy, so absolute
// figures mean little from one run to the next. Each scenario's peak RSS of the server is read from /proc. A second server, not timed, logs every SQL statement so
// that the table can show statements per request. With --instances 2 (on a database server), every scenario is then
// measured again through nginx with one and with two instances behind it (tests/bench/scale-out.ts).
import { ensureBuilt, startApp, type AppServer } from "../helpers/app-server";
import { createBenchDatabase } from "./bench-database";
import { findAnalyticsCourse } from "./analytics-course";
import { prepareBenchLearner, setBenchPassword, signInBenchUser } from "./bench-learner";
import { generateData } from "./generate-data";
import { assertQueriesAreLogged, countQueries, loadTest, probe, type QueryCount } from "./measure";
import { parseOptions } from "./options";
import { findQuizBench } from "./quiz-bench";
import { describeMachine, formatReport, isFlagged, writeJsonReport, type BenchReport, type ScenarioResult } from "./report";
import { measureScaleOut, scaleOutRowFailed } from "./scale-out";
import { measureSize } from "./database-size";
import { peakRss, resetPeakRss } from "./peak-rss";
import { scenarios as scenariosFor, staticFile, trivialPage, type Scenario } from "./scenarios";
import { findStaticFile } from "./static-file";

const QUERY_COUNT_REQUESTS = 20;
/** The search scenarios' query: the first letters of a generated topic, as typed into the search box. */
const SEARCH_WORD = "pyth";

// The bench's own variable, read here: the app's configuration is still read only by src/env.ts.
const options = parseOptions(process.argv.slice(2), process.env.BENCH_DATABASE_URL);
const startedAt = new Date().toISOString();

/** Undo steps, run newest first on success, failure or Ctrl+C, so that no server or temp database outlives the run. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    await step().catch((error: unknown) => console.error("[bench] clean-up step failed:", error));
  }
}
process.once("SIGINT", () => {
  console.error("\n[bench] interrupted; cleaning up…");
  void cleanUp().finally(() => process.exit(130));
});

async function startServer(env: Record<string, string>): Promise<AppServer> {
  const server = await startApp(env);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  cleanups.push(stop);
  return { ...server, stop };
}

async function main(): Promise<boolean> {
  const database = await createBenchDatabase(options.databaseUrl);
  cleanups.push(database.remove);
  console.log(`[bench] generating ${options.courses} courses and ${options.enrollments} enrollments into ${database.label}`);
  const generation = await generateData(database.connection, options);
  console.log(`[bench] generated in ${(generation.ms / 1000).toFixed(1)} s:`, generation.counts);
  const learner = await prepareBenchLearner(database.connection);
  const analyticsCourse = await findAnalyticsCourse(database.connection);
  const quiz = options.quizPool > 0 ? await findQuizBench(database.connection) : null;
  if (analyticsCourse) await setBenchPassword(database.connection, analyticsCourse.email);
  const size = await measureSize(database.connection);
  // The server opens the same data, and PGlite allows one process per folder.
  await database.connection.close();

  ensureBuilt();
  // Fixed log settings, so that a LOG_LEVEL or DB_LOG_QUERIES in the developer's shell cannot slow the timed server.
  const serverEnv = { ...database.serverEnv, SEED_DEMO: "false", LOG_LEVEL: "info", DB_LOG_QUERIES: "false" };

  const timed = await startServer(serverEnv);
  console.log(`[bench] timing server at ${timed.url}`);
  // A JWT session: the counting server below shares the data folder (or AUTH_SECRET), so the cookie works there too.
  const cookie = await signInBenchUser(timed, learner.email);
  const analytics = analyticsCourse && { cookie: await signInBenchUser(timed, analyticsCourse.email), courseId: analyticsCourse.courseId };
  const all = scenariosFor({
    cookie,
    courseId: learner.courseId,
    courseSlug: learner.courseSlug,
    lessonIds: learner.lessonIds,
    searchWord: SEARCH_WORD,
    analytics,
    quiz,
  });
  // Pages still being built elsewhere are reported, not measured, while they answer 404.
  const unavailable: BenchReport["unavailable"] = [];
  const scenarios: Scenario[] = [];
  for (const scenario of all) {
    const status = scenario.optional ? await probe(timed, scenario) : 200;
    if (status === 404) unavailable.push({ scenario, status });
    else scenarios.push(scenario);
  }
  const file = findStaticFile();
  const ceiling = staticFile(file.path);
  const baselines = [ceiling, trivialPage];
  const measured: { label: string; scenario: Scenario }[] = [
    ...baselines.map((scenario) => ({ label: `${scenario.name} (first)`, scenario })),
    ...scenarios.map((scenario) => ({ label: scenario.name, scenario })),
    ...baselines.map((scenario) => ({ label: `${scenario.name} (last)`, scenario })),
  ];
  // A fresh server is far slower at first (V8 compiles the rendering paths as they run): a first round of load on every
  // scenario before any is measured, so that the first baseline is not measured on a cold server and the last on a warm
  // one. Not the scenarios that use up prepared rows.
  if (options.warmup > 0) {
    console.log(`[bench] warming the server up: ${options.warmup} s of load on each scenario…`);
    for (const scenario of [...baselines, ...scenarios]) {
      if (!scenario.nextPath) await loadTest(timed, scenario, { ...options, duration: options.warmup, warmup: 0 });
    }
  }
  const results: ScenarioResult[] = [];
  for (const { label, scenario } of measured) {
    console.log(`[bench] ${label}: ${options.warmup} s warm-up, then ${options.duration} s with ${options.connections} connections…`);
    resetPeakRss(timed.process.pid);
    const load = await loadTest(timed, scenario, options);
    results.push({ label, scenario, load, peakRssBytes: peakRss(timed.process.pid) });
  }
  await timed.stop();

  const counting = await startServer({ ...serverEnv, DB_LOG_QUERIES: "true", LOG_LEVEL: "debug" });
  assertQueriesAreLogged(counting);
  const queries = new Map<Scenario, QueryCount>();
  for (const scenario of [trivialPage, ...scenarios]) {
    console.log(`[bench] counting SQL statements for ${scenario.name} (${QUERY_COUNT_REQUESTS} requests)…`);
    queries.set(scenario, await countQueries(counting, scenario, { requests: QUERY_COUNT_REQUESTS }));
  }
  await counting.stop();

  const scaleOut =
    options.instances === 2
      ? await measureScaleOut({
          startServer: () => startServer(serverEnv),
          onCleanup: (step) => cleanups.push(step),
          scenarios: [...baselines, ...scenarios],
          options,
          log: (line) => console.log(`[bench] ${line}`),
        })
      : undefined;

  // The mean of each baseline's first and last measurement.
  const meanOf = (scenario: Scenario) => {
    const runs = results.filter((r) => r.scenario === scenario).map((r) => r.load.requestsPerSecond);
    return runs.reduce((sum, n) => sum + n, 0) / runs.length;
  };
  const ceilingRequestsPerSecond = meanOf(ceiling);
  const trivialRequestsPerSecond = meanOf(trivialPage);
  const report: BenchReport = {
    startedAt,
    // The URL may hold a password, and the JSON report is meant to be kept.
    options: { ...options, databaseUrl: options.databaseUrl && database.label },
    machine: describeMachine(),
    database: database.label,
    generation,
    size,
    staticFile: file,
    ceilingRequestsPerSecond,
    trivialRequestsPerSecond,
    unavailable,
    results: results.map((r) => {
      const withQueries = { ...r, queries: queries.get(r.scenario) };
      return {
        ...withQueries,
        ratio: r.load.requestsPerSecond / ceilingRequestsPerSecond,
        trivialRatio: r.load.requestsPerSecond / trivialRequestsPerSecond,
        flagged: isFlagged(withQueries),
      };
    }),
    scaleOut,
  };
  console.log(formatReport(report));
  if (options.json) {
    writeJsonReport(options.json, report);
    console.log(`[bench] results written to ${options.json}`);
  }
  const flagged = [
    ...report.results.filter((r) => r.flagged).map((r) => r.label),
    ...(scaleOut?.rows ?? []).filter(scaleOutRowFailed).map((r) => `${r.scenario.name} (through nginx)`),
  ];
  if (flagged.length > 0) console.error(`[bench] FAILED: ${flagged.join(", ")} had failed or non-2xx responses`);
  return flagged.length === 0;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error("[bench] failed:", error);
} finally {
  await cleanUp();
}
process.exit(ok ? 0 : 1);
