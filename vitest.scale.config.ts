import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

// `npm run test:scale`: two instances behind nginx, started by tests/scale/run.ts. The files run one at a time (they
// share two servers and time their polls); the shutdown test runs alone, last, since it stops instance A.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: process.env.SCALE_PHASE === "shutdown" ? ["tests/scale/**/*.shutdown.ts"] : ["tests/scale/**/*.test.ts"],
      environment: "node",
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
);
