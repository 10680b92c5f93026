import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

// `npm run test:scale`: two instances behind nginx, started by tests/scale/run.ts. The files run one at a time (they
// share two servers and time their polls); each shutdown test runs alone, after them, since it stops instance A.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: process.env.SCALE_PHASE?.startsWith("shutdown") ? ["tests/scale/**/*.shutdown.ts"] : ["tests/scale/**/*.test.ts"],
      environment: "node",
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
);
