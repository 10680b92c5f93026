// `npm run test:faults`: builds the app if needed, then runs the fault tests (tests/faults/*.test.ts), which start and
// break their own servers one file at a time.
import { spawnSync } from "node:child_process";
import { ensureBuilt } from "../helpers/app-server";

ensureBuilt();
const result = spawnSync("npx", ["vitest", "run", "--config", "vitest.faults.config.ts", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
