import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, DEMO_ADMIN, DEMO_PASSWORD } from "../helpers/api-client";
import { startApp } from "../helpers/app-server";

/** A production server on the embedded database: no demo accounts unless asked, and none kept by accident. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-first-start-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const demoAdminCanSignIn = async (url: string) => (await new ApiClient(url).signIn(DEMO_ADMIN, DEMO_PASSWORD)).status === 200;

describe("a production start on the embedded database", { timeout: 300_000 }, () => {
  it("writes no demo data unless SEED_DEMO=true", async () => {
    const server = await startApp({ DATA_DIR: path.join(dataDir, "plain"), SEED_DEMO: "auto" });
    try {
      expect(await demoAdminCanSignIn(server.url)).toBe(false);
      expect(server.output()).toMatch(/creating the embedded database/);
      expect(server.output()).toMatch(/BudhHub is ready at/);
      expect(server.output()).not.toMatch(/writing the demo data/);
    } finally {
      await server.stop();
    }
  });

  it("refuses to start with the demo accounts present, names them and how to remove them; after demo:remove it starts", async () => {
    const dir = path.join(dataDir, "demo");
    const demo = await startApp({ DATA_DIR: dir, SEED_DEMO: "true" });
    expect(await demoAdminCanSignIn(demo.url)).toBe(true);
    await demo.stop();

    const refused = await startApp({ DATA_DIR: dir, SEED_DEMO: "auto" }, { timeoutMs: 60_000 }).then(
      async (server) => {
        await server.stop();
        return "";
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/next start exited with 1/);
    expect(refused).toMatch(/holds the demo accounts \(.*admin@budhhub\.test.*\)/);
    expect(refused).toMatch(/npm run demo:remove/);
    expect(refused).toMatch(/SEED_DEMO=true/);

    const removed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/demo-remove.ts"], {
      env: { ...process.env, DATA_DIR: dir, NODE_ENV: "production", LOG_LEVEL: "silent" },
      encoding: "utf8",
    });
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/Removed 8 demo accounts/);

    const server = await startApp({ DATA_DIR: dir, SEED_DEMO: "auto" });
    try {
      expect(await demoAdminCanSignIn(server.url)).toBe(false);
      const catalog = (await new ApiClient(server.url).get("/api/courses")).json<{ total: number }>();
      expect(catalog.total).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
