// Builds the app if needed, starts it on a free port with its own embedded data folder (demo data seeded on start),
// runs the command given with TEST_BASE_URL pointing at it, and stops it. Used by `npm run test:api` and `test:e2e`.
// Then it scans everything the server logged for secrets (tests/helpers/log-secrets.ts): one found fails the run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt, startApp } from "./helpers/app-server";
import { findSecrets } from "./helpers/log-secrets";

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: tsx tests/run-with-server.ts COMMAND [ARGS…]");
  process.exit(2);
}

ensureBuilt();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-test-data-"));
const started = Date.now();
// The most talkative log level, so that the secret scan below reads every line the app can write. ADMIN_EMAILS: the
// browser tests sign this address up to see that it is not an admin before it is confirmed.
const server = await startApp({ DATA_DIR: dataDir, LOG_LEVEL: "debug", ADMIN_EMAILS: "first-admin@example.test" });
console.log(`[test-server] BudhHub is up at ${server.url} after ${Date.now() - started} ms (data in ${dataDir})`);

let status = 1;
try {
  const result = spawnSync("npx", command, {
    stdio: "inherit",
    env: { ...process.env, TEST_BASE_URL: server.url, TEST_DATA_DIR: dataDir },
  });
  status = result.status ?? 1;
} finally {
  await server.stop();
  if (status !== 0) console.error(`[test-server] server output:\n${server.output().slice(-8000)}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const output = server.output();
const secrets = findSecrets(output);
console.log(`[test-server] scanned ${output.split("\n").length} lines of server log for secrets: ${secrets.length} found`);
if (secrets.length > 0) {
  for (const { name, line } of secrets.slice(0, 20)) console.error(`[test-server] ${name} in the log: ${line}`);
  status = status || 1;
}
process.exit(status);
