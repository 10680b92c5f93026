import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

// `npm run test:faults`: each file starts its own servers (and its own PostgreSQL cluster, SMTP sink or s3rver), breaks
// one of them on purpose and checks what is left. One file at a time: they stop and kill processes and time outages.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ["tests/faults/**/*.test.ts"],
      environment: "node",
      fileParallelism: false,
      testTimeout: 600_000,
      hookTimeout: 120_000,
    },
  }),
);
