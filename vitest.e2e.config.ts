import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

// `npm run test:e2e`: journeys in Debian's Chromium (playwright-core) against the app tests/run-with-server.ts started.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["tests/e2e/**/*.test.ts"],
      environment: "node",
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
);
