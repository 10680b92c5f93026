// `npm run test:scale [-- --driver neon]`: two BudhHub instances behind Debian's nginx (deploy/nginx.conf), one fresh
// database on the Postgres server at TEST_DATABASE_URL, s3rver as the bucket. Builds if needed, starts everything, runs
// the scale tests (tests/scale/*.test.ts), then each shutdown test (tests/scale/*.shutdown.ts, which stop instance A
// with SIGTERM) on its own, restarting A before each; scans every instance's log for secrets, prints each property of
// the issue with pass or fail, and stops everything.
//
// --driver neon: the instances reach the database through Neon's driver and a local WebSocket bridge
// (tests/helpers/ws-tcp-bridge.ts, NEON_WS_PROXY), and only the tests that depend on the driver run: start-up,
// sessions and the cache bounds (no LISTEN/NOTIFY through Neon's pooled connections).
//
// Files named after the options run alone (tests/scale/x.test.ts, tests/scale/y.shutdown.ts), for working on one.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { ensureBuilt, freePort, startApp, type AppServer } from "../helpers/app-server";
import { startBalancer, type Balancer } from "../helpers/balancer";
import { findSecrets } from "../helpers/log-secrets";
import { startS3rver } from "../helpers/s3rver";
import { startWsTcpBridge } from "../helpers/ws-tcp-bridge";
import { reportProperties, type TestOutcome } from "./properties";

const { values: args, positionals: only } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { driver: { type: "string", default: "pg" } },
});
if (args.driver !== "pg" && args.driver !== "neon") {
  console.error(`[test:scale] --driver must be pg or neon, not ${args.driver}`);
  process.exit(2);
}
const neon = args.driver === "neon";
/** Through Neon's driver: the files whose properties depend on the database driver. */
const NEON_FILES = ["tests/scale/start-and-sessions.test.ts", "tests/scale/cache-bounds.test.ts"];

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error(
    '[test:scale] TEST_DATABASE_URL is not set: the scale test needs a Postgres server (eval "$(scripts/ci/postgres.sh start)")',
  );
  process.exit(2);
}

ensureBuilt();
const databaseName = `budhhub_scale_${randomBytes(6).toString("hex")}`;
const admin = new Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${databaseName}`);
await admin.end();
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${databaseName}`;

// One data folder for both: with a database server and S3 it holds only the mail outbox, which the tests read as an
// SMTP sink's mailbox (either instance's mail worker may send a mail).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-scale-data-"));
const s3 = await startS3rver("budhhub-scale");
const bridge = neon ? await startWsTcpBridge() : undefined;
const balancerPort = await freePort();
const balancerUrl = `http://127.0.0.1:${balancerPort}`;
const shared = {
  DATABASE_URL: databaseUrl.toString(),
  ...(bridge ? { DATABASE_DRIVER: "neon", NEON_WS_PROXY: bridge.url } : { DATABASE_DRIVER: "pg" }),
  AUTH_SECRET: randomBytes(32).toString("base64"),
  APP_URL: balancerUrl,
  DATA_DIR: dataDir,
  STORAGE_DRIVER: "s3",
  S3_ENDPOINT: s3.endpoint,
  S3_REGION: "us-east-1",
  S3_BUCKET: s3.bucket,
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  S3_FORCE_PATH_STYLE: "true",
  LOG_LEVEL: "info",
  // Shorter than the default (5 s), so that the shutdown test's load goes on for a while after A closes its listener.
  // SCALE_SHUTDOWN_DRAIN_MS=0 measures a stop without a drain, for comparison (the shutdown test then fails its drain checks).
  SHUTDOWN_DRAIN_MS: process.env.SCALE_SHUTDOWN_DRAIN_MS ?? "3000",
};

/** Every instance process started, stopped ones included: their logs are scanned and, on failure, printed. */
const started: { name: string; server: AppServer }[] = [];
let balancer: Balancer | undefined;
let status = 1;
const outcomes: TestOutcome[] = [];
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-scale-logs-"));
const running = (server: AppServer) => server.process.exitCode === null && server.process.signalCode === null;
try {
  // Both at once on the empty database: migrations and the demo data must be written once between them.
  const startedAt = Date.now();
  const starts = await Promise.allSettled([startApp(shared), startApp(shared)]);
  // One that started is stopped below even when the other failed.
  starts.forEach((s, i) => {
    if (s.status === "fulfilled") started.push({ name: "AB"[i]!, server: s.value });
  });
  const failed = starts.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  let a = started[0]!.server;
  const b = started[1]!.server;
  console.log(
    `[test:scale] instances A ${a.url} and B ${b.url} healthy after ${Date.now() - startedAt} ms ` +
      `(database ${databaseName}, driver ${neon ? `neon through the WebSocket bridge at ${bridge!.url}` : "pg"})`,
  );
  balancer = await startBalancer(balancerPort, [a.port, b.port]);
  console.log(`[test:scale] nginx (deploy/nginx.conf) at ${balancer.url}`);
  fs.writeFileSync(path.join(logDir, "a-start.log"), a.output());
  fs.writeFileSync(path.join(logDir, "b-start.log"), b.output());

  const testEnv = {
    ...process.env,
    SCALE_BALANCER_URL: balancer.url,
    SCALE_A_URL: a.url,
    SCALE_B_URL: b.url,
    SCALE_DATABASE_URL: databaseUrl.toString(),
    SCALE_DRIVER: args.driver,
    SCALE_DRAIN_MS: shared.SHUTDOWN_DRAIN_MS,
    SCALE_NGINX_PREFIX: balancer.prefix,
    SCALE_NGINX_ERROR_LOG: path.join(balancer.prefix, "logs", "error.log"),
    SCALE_LOG_DIR: logDir,
    SCALE_S3_DIRECTORY: s3.directory,
    SCALE_S3_BUCKET: s3.bucket,
    // The API tests' helpers (accounts, the demo admin, the outbox) talk to instance A directly, with their own addresses.
    TEST_BASE_URL: a.url,
    TEST_DATA_DIR: dataDir,
  };
  // Not spawnSync: s3rver and the bridge run in this process, and a blocked event loop would leave them unanswered.
  const vitest = (phase: string, files: string[]) =>
    new Promise<number>((resolve) => {
      const report = path.join(logDir, `${phase}.json`);
      const child = spawn(
        "npx",
        [
          "vitest",
          "run",
          "--config",
          "vitest.scale.config.ts",
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${report}`,
          ...files,
        ],
        { stdio: "inherit", env: { ...testEnv, SCALE_PHASE: phase, SCALE_A_PID: String(a.process.pid) } },
      );
      child.once("exit", (code) => {
        outcomes.push(...readOutcomes(report));
        resolve(code ?? 1);
      });
    });
  const bothUpFiles = only.length > 0 ? only.filter((f) => f.endsWith(".test.ts")) : neon ? NEON_FILES : [];
  if (only.length === 0 || bothUpFiles.length > 0) status = await vitest("both-up", bothUpFiles);
  else status = 0;
  // Each shutdown test stops instance A for good: each runs alone, with A started again (on its port) if it is down.
  const shutdownTests =
    only.length > 0
      ? only.filter((f) => f.endsWith(".shutdown.ts")).map((f) => path.basename(f))
      : neon
        ? []
        : fs
            .readdirSync(path.join(process.cwd(), "tests", "scale"))
            .filter((f) => f.endsWith(".shutdown.ts"))
            .sort();
  // After a failure with both up, none; after a failed shutdown test, the next still runs (A is started again).
  for (const file of status === 0 ? shutdownTests : []) {
    if (!running(a)) {
      const restartedAt = Date.now();
      a = await startApp(shared, { port: a.port });
      started.push({ name: `A (started again)`, server: a });
      console.log(`[test:scale] instance A started again at ${a.url} in ${Date.now() - restartedAt} ms`);
    }
    status = (await vitest(`shutdown-${path.basename(file, ".shutdown.ts")}`, [`tests/scale/${file}`])) || status;
  }
} finally {
  await Promise.all(started.map(({ server }) => server.stop()));
  if (status !== 0) {
    for (const { name, server } of started) console.error(`[test:scale] instance ${name} output:\n${server.output().slice(-6000)}`);
    if (balancer) console.error(`[test:scale] nginx log:\n${balancer.errorLog().slice(-4000)}`);
  }
  await balancer?.stop();
  await bridge?.close();
  await s3.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(logDir, { recursive: true, force: true });
  const cleanup = new Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${databaseName} with (force)`);
  await cleanup.end();
}

// Every line any instance wrote, A's before and after its restarts included.
const lines = started.reduce((n, { server }) => n + server.output().split("\n").length, 0);
const secrets = started.flatMap(({ name, server }) =>
  findSecrets(server.output()).map((found) => ({ ...found, name: `${found.name} (instance ${name})` })),
);
console.log(`[test:scale] scanned ${lines} lines of ${started.length} instance logs for secrets: ${secrets.length} found`);
for (const { name, line } of secrets.slice(0, 20)) console.error(`[test:scale] ${name} in the log: ${line}`);
outcomes.push({ name: "instance logs hold no secret", state: secrets.length === 0 ? "passed" : "failed" });
if (secrets.length > 0) status = status || 1;

if (!reportProperties(outcomes, { driver: args.driver, all: !neon && only.length === 0 })) status = status || 1;
process.exit(status);

/** The tests of one vitest run, by their full names ("describe › it"), from its JSON report. */
function readOutcomes(file: string): TestOutcome[] {
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    testResults: { assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
  };
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((t) => ({ name: [...t.ancestorTitles, t.title].join(" › "), state: t.status })),
  );
}
