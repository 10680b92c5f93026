import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../helpers/app-server";

/**
 * A throwaway PostgreSQL cluster of the fault tests' own (as scripts/ci/postgres.sh makes for CI), which they stop and
 * start again: never the shared server of TEST_DATABASE_URL. Data and socket live in a temp folder outside the project.
 */
export type PgCluster = { url: string; stop: () => void; start: () => void; destroy: () => void };

const bin = () => {
  const versions = fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  return path.join("/usr/lib/postgresql", versions.at(-1)!, "bin");
};

// initdb and postgres refuse to run as root: Debian's package makes a postgres account for them.
const asPostgres = (command: string, args: string[]) =>
  process.getuid?.() === 0
    ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin(), command), ...args], { stdio: "pipe" })
    : execFileSync(path.join(bin(), command), args, { stdio: "pipe" });

export async function startPgCluster(): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fault-pg-"));
  const port = await freePort();
  const password = "budhhub-faults";
  fs.writeFileSync(path.join(dir, "pw"), `${password}\n`);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres", dir]);
  asPostgres("initdb", ["-D", path.join(dir, "data"), "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${path.join(dir, "pw")}`]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=100`;
  const start = () =>
    asPostgres("pg_ctl", ["-D", path.join(dir, "data"), "-l", path.join(dir, "server.log"), "-w", "-o", options, "start"]);
  const stop = () => asPostgres("pg_ctl", ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
