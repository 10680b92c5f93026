import os from "node:os";
import path from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

// `npm test`: unit and integration tests beside the code, against PGlite (or TEST_DATABASE_URL's server).
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/unit/**/*.test.ts"],
      globalSetup: ["tests/helpers/global-setup.ts"],
      environment: "node",
      pool: "forks",
      testTimeout: 30_000,
      // Mail written to the outbox, generated secrets: outside the project, away from a developer's own .data.
      env: { DATA_DIR: path.join(os.tmpdir(), `budhhub-unit-tests-${process.pid}`), ADMIN_EMAILS: "root@example.test" },
      hookTimeout: 60_000,
      // next-auth imports "next/headers" and "next/server" without extensions, which only resolve through Vite:
      // inlined, the lib tests can run the real Auth.js configuration (session callbacks, auth()) in-process.
      server: { deps: { inline: ["next-auth"] } },
    },
  }),
);
