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
      hookTimeout: 60_000,
    },
  }),
);
