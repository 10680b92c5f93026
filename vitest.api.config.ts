import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

// `npm run test:api`: black-box HTTP tests against the built app that tests/run-with-server.ts started.
export default mergeConfig(
  shared,
  defineConfig({
    test: { include: ["tests/api/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 60_000 },
  }),
);
