// Builds the app if needed, starts it on a free port with its own embedded data folder (demo data seeded on start),
// runs the command given with TEST_BASE_URL pointing at it, and stops it. Used by `npm run test:api` and `test:e2e`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt, startApp } from "./helpers/app-server";

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: tsx tests/run-with-server.ts COMMAND [ARGS…]");
  process.exit(2);
}

ensureBuilt();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-test-data-"));
const started = Date.now();
const server = await startApp({ DATA_DIR: dataDir });
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
process.exit(status);
