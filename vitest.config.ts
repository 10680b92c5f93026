import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { shared } from "./vitest.shared.ts";

const INCLUDE = ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/unit/**/*.test.ts"];

/**
 * The test files that open a test database: those naming tests/helpers/test-database.ts's functions, or a helper that
 * (through other helpers) does. On a database server only these run again: the others never touch the database, and
 * running them on PGlite, on the server and through Neon's driver would test the same thing three times.
 */
function databaseTestFiles(): string[] {
  const read = (file: string) => fs.readFileSync(file, "utf8");
  const opensDatabase = /\b(withTestDatabase|createTestDatabase)\b/;
  const helpers = new Set(["test-database"]);
  const helperFiles = fs.readdirSync("tests/helpers").filter((f) => f.endsWith(".ts"));
  for (let grown = true; grown;) {
    grown = false;
    for (const file of helperFiles) {
      const name = file.replace(/\.ts$/, "");
      const text = read(path.join("tests/helpers", file));
      if (helpers.has(name) || ![...helpers].some((h) => text.includes(`./${h}"`))) continue;
      helpers.add(name);
      grown = true;
    }
  }
  const viaHelper = new RegExp(`helpers/(${[...helpers].join("|")})"`);
  const testFiles = ["src", "tests/unit"].flatMap((root) =>
    fs
      .readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.test\.tsx?$/.test(f))
      .map((f) => path.join(root, f)),
  );
  return testFiles.filter((file) => opensDatabase.test(read(file)) || viaHelper.test(read(file))).sort();
}

// `npm test`: unit and integration tests beside the code, against PGlite (or TEST_DATABASE_URL's server).
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: process.env.TEST_DATABASE_URL ? databaseTestFiles() : INCLUDE,
      globalSetup: ["tests/helpers/global-setup.ts"],
      environment: "node",
      pool: "forks",
      // Vitest's default is one worker fewer than the CPUs: one on a 2-CPU machine such as CI's, which then waits on
      // the database between statements with a CPU idle. Each file has its own database, so two files run at once.
      maxWorkers: Math.max(2, os.availableParallelism() - 1),
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
