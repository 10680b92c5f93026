import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { queryRows } from "@/lib/analytics/sql-rows";
import { db } from "@/lib/db/client";
import { migrationsFolder } from "@/lib/db/migrate";
import { isDraining } from "@/lib/http/shutdown-drain";
import { log } from "@/lib/log/logger";
import { getStorage } from "@/lib/storage";

export type Verdict = "pass" | "fail";
/** `draining`: the instance was told to stop and serves only until it closes (src/lib/http/shutdown-drain.ts). */
export type Readiness = { status: Verdict; draining?: true; checks: { database: Verdict; migrations: Verdict; storage: Verdict } };

const TIMEOUT_MS = 3000;

async function probe(name: string, check: () => Promise<boolean>): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const passed = await Promise.race([
      check(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name} timed out`)), TIMEOUT_MS))),
    ]);
    if (!passed) log("HEALTH").warn({ check: name }, "readiness check failed");
    return passed ? "pass" : "fail";
  } catch (error) {
    log("HEALTH").warn({ err: error, check: name }, "readiness check failed");
    return "fail";
  } finally {
    clearTimeout(timer);
  }
}

// The files in drizzle/ do not change while the server runs: read their hashes once.
let expectedHashes: string[] | undefined;

/** Every committed migration is recorded in drizzle's own table (where the migrator keeps what it applied). */
async function migrationsApplied(): Promise<boolean> {
  expectedHashes ??= readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
  const [table] = await queryRows<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return false;
  const applied = await queryRows<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations`);
  const hashes = new Set(applied.map((r) => r.hash));
  return expectedHashes.every((hash) => hashes.has(hash));
}

/**
 * Whether this instance should be sent traffic: the database answers, every migration in drizzle/ is applied, storage
 * answers, and it is not stopping. Dearer than /api/health's liveness check (it reads the migrations table), so balancers poll it, not monitors.
 */
export async function checkReadiness(): Promise<Readiness> {
  const database = await probe("database", async () => {
    await db.execute(sql`select 1`);
    return true;
  });
  const [migrations, storage] = await Promise.all([
    database === "pass" ? probe("migrations", migrationsApplied) : Promise.resolve<Verdict>("fail"),
    probe("storage", async () => {
      await getStorage().check();
      return true;
    }),
  ]);
  const checks = { database, migrations, storage };
  if (isDraining()) return { status: "fail", draining: true, checks };
  return { status: database === "pass" && migrations === "pass" && storage === "pass" ? "pass" : "fail", checks };
}
