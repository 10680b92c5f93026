import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { connectDatabase, type Connection } from "@/lib/db/connect";
import { migrateDatabase } from "@/lib/db/migrate";

/**
 * The database a bench run generates into and its servers read: never the developer's own. By default a fresh PGlite
 * folder under the system temp directory (outside the project tree); with BENCH_DATABASE_URL a fresh database created
 * on that server. `remove` deletes it, whatever happened.
 */
export type BenchDatabase = {
  label: string;
  /** The connection the generator writes through; close it before a server opens the same data. */
  connection: Connection;
  /** What a server started on this data needs in its environment. */
  serverEnv: Record<string, string>;
  remove: () => Promise<void>;
};

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  // Storage, mail and the generated auth secret go here in both cases.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-bench-"));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    return serverUrl ? await createOnServer(serverUrl, dataDir, removeDataDir) : await createEmbedded(dataDir, removeDataDir);
  } catch (error) {
    removeDataDir();
    throw error;
  }
}

async function createEmbedded(dataDir: string, removeDataDir: () => void): Promise<BenchDatabase> {
  // The app opens DATA_DIR/pglite, so the generator writes exactly there.
  const connection = connectDatabase({ driver: "pglite", dataDir: path.join(dataDir, "pglite"), command: "npm run bench" });
  await migrateDatabase(connection);
  return {
    label: `PGlite (embedded) in ${dataDir}`,
    connection,
    // Overrides a DATABASE_URL or DATABASE_DRIVER the developer's shell may have exported.
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: "", DATABASE_DRIVER: "pglite" },
    remove: async () => {
      await connection.close().catch(() => undefined);
      removeDataDir();
    },
  };
}

async function createOnServer(serverUrl: string, dataDir: string, removeDataDir: () => void): Promise<BenchDatabase> {
  const name = `budhhub_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // One connection, so that the generator's statements run in order on one session.
  const connection = connectDatabase({ driver: "pg", url: url.toString(), poolMax: 1 });
  const remove = async () => {
    await connection.close().catch(() => undefined);
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    removeDataDir();
  };
  try {
    await migrateDatabase(connection);
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    label: `Postgres server ${url.host}, database ${name}`,
    connection,
    // The server picks its driver from the URL as in production. It refuses to start without a fixed secret there.
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("base64url") },
    remove,
  };
}

async function adminQuery(serverUrl: string, statement: string) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
