import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueEmail } from "../helpers/api-client";
import { type AppServer, startApp } from "../helpers/app-server";

/**
 * The per-address sign-in limit with TRUSTED_PROXY_HOPS=0 (the default: no proxy in front), on a server of its own:
 * a client that writes a new X-Forwarded-For into every request is still one address.
 */
let server: AppServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-hops0-"));
  server = await startApp({ DATA_DIR: dataDir, TRUSTED_PROXY_HOPS: "0", SEED_DEMO: "false" });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the client address with TRUSTED_PROXY_HOPS=0", () => {
  it("does not let a rotated X-Forwarded-For spray past the per-address limit", async () => {
    // The limit is a fixed window aligned to the clock: start with enough of the minute left.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 250));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // Each request claims another address; the server counts the connection's.
      const client = new ApiClient(server.url, `203.0.113.${i + 1}`);
      statuses.push((await client.signIn(uniqueEmail("spray"), "Winter2026-guess")).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });
});
