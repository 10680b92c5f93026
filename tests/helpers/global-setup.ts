import { env } from "@/env";

/** Says once, at the top of the run, which database engine the suites run on. */
export default function setup() {
  const engine = !env.TEST_DATABASE_URL
    ? "PGlite (in memory, one migrated instance per test file)"
    : env.TEST_DATABASE_DRIVER === "neon"
      ? `PostgreSQL server at ${new URL(env.TEST_DATABASE_URL).host} through the Neon driver (WebSocket bridge)`
      : `PostgreSQL server at ${new URL(env.TEST_DATABASE_URL).host} through node-postgres`;
  console.log(`\n[npm test] database engine: ${engine}\n`);
}
