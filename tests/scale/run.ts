// `npm run test:scale`: two BudhHub instances behind Debian's nginx (deploy/nginx.conf), one fresh database on the
// Postgres server at TEST_DATABASE_URL, s3rver as the bucket. Builds if needed, starts everything, runs the scale tests
// (tests/scale/*.test.ts) and then the shutdown test (which stops instance A with SIGTERM), and stops everything.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { ensureBuilt, freePort, startApp, type AppServer } from "../helpers/app-server";
import { startS3rver } from "../helpers/s3rver";
import { startBalancer, type Balancer } from "../helpers/balancer";

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
const balancerPort = await freePort();
const balancerUrl = `http://127.0.0.1:${balancerPort}`;
const shared = {
  DATABASE_URL: databaseUrl.toString(),
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
};

let instances: AppServer[] = [];
let balancer: Balancer | undefined;
let status = 1;
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-scale-logs-"));
try {
  // Both at once on the empty database: migrations and the demo data must be written once between them.
  const started = Date.now();
  const starts = await Promise.allSettled([startApp(shared), startApp(shared)]);
  // One that started is stopped below even when the other failed.
  instances = starts.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = starts.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  const [a, b] = instances as [AppServer, AppServer];
  console.log(`[test:scale] instances A ${a.url} and B ${b.url} healthy after ${Date.now() - started} ms (database ${databaseName})`);
  balancer = await startBalancer(balancerPort, [a.port, b.port]);
  console.log(`[test:scale] nginx (deploy/nginx.conf) at ${balancer.url}`);
  fs.writeFileSync(path.join(logDir, "a-start.log"), a.output());
  fs.writeFileSync(path.join(logDir, "b-start.log"), b.output());

  const testEnv = {
    ...process.env,
    SCALE_BALANCER_URL: balancer.url,
    SCALE_A_URL: a.url,
    SCALE_B_URL: b.url,
    SCALE_A_PID: String(a.process.pid),
    SCALE_DATABASE_URL: databaseUrl.toString(),
    SCALE_LOG_DIR: logDir,
    SCALE_S3_DIRECTORY: s3.directory,
    SCALE_S3_BUCKET: s3.bucket,
    // The API tests' helpers (accounts, the demo admin, the outbox) talk to instance A directly, with their own addresses.
    TEST_BASE_URL: a.url,
    TEST_DATA_DIR: dataDir,
  };
  // Not spawnSync: s3rver runs in this process, and a blocked event loop would leave the bucket unanswered.
  const vitest = (phase: string) =>
    new Promise<number>((resolve) => {
      const child = spawn("npx", ["vitest", "run", "--config", "vitest.scale.config.ts"], {
        stdio: "inherit",
        env: { ...testEnv, SCALE_PHASE: phase },
      });
      child.once("exit", (code) => resolve(code ?? 1));
    });
  status = await vitest("both-up");
  // Last: it stops instance A for good.
  const shutdownTests = fs.readdirSync(path.join(process.cwd(), "tests", "scale")).filter((f) => f.endsWith(".shutdown.ts"));
  if (status === 0 && shutdownTests.length > 0) status = await vitest("shutdown");
} finally {
  await Promise.all(instances.map((i) => i.stop()));
  if (status !== 0) {
    instances.forEach((instance, i) => console.error(`[test:scale] instance ${"AB"[i]} output:\n${instance.output().slice(-6000)}`));
    if (balancer) console.error(`[test:scale] nginx log:\n${balancer.errorLog().slice(-4000)}`);
  }
  await balancer?.stop();
  await s3.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(logDir, { recursive: true, force: true });
  const cleanup = new Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${databaseName} with (force)`);
  await cleanup.end();
}
process.exit(status);
