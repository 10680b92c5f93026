import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "@/env";
import { acquireDataDirLock, releaseDataDirLock } from "./pglite-lock";

/**
 * A backup of the embedded set-up: a consistent dump of the PGlite database (PGlite's own dumpDataDir, not a copy of a
 * live folder, which could catch a write half-way), the stored files and the generated secret (sessions and signed URLs
 * need it). It takes the folder's lock, so the server must be stopped first: the lock says so otherwise.
 */
export async function backupEmbedded(target: string): Promise<{ files: number; bytes: number }> {
  if (fs.existsSync(target)) throw new Error(`${target} already exists: give a new folder for the backup.`);
  acquireDataDirLock(env.pgliteDir, "npm run db:backup");
  try {
    const db = new PGlite(env.pgliteDir);
    // dumpDataDir before the database is ready waits for ever.
    await db.waitReady;
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "pglite.tar.gz"), Buffer.from(await dump.arrayBuffer()));
    if (fs.existsSync(env.storageDir)) fs.cpSync(env.storageDir, path.join(target, "storage"), { recursive: true });
    const secret = path.join(env.dataDir, "auth-secret");
    if (fs.existsSync(secret)) fs.copyFileSync(secret, path.join(target, "auth-secret"));
  } finally {
    releaseDataDirLock(env.pgliteDir);
  }
  const files = listFiles(target);
  return { files: files.length, bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0) };
}

/** Restores a backup into DATA_DIR, which must not hold a database yet (so that nothing is overwritten by mistake). */
export async function restoreEmbedded(source: string): Promise<void> {
  const dump = path.join(source, "pglite.tar.gz");
  if (!fs.existsSync(dump)) throw new Error(`${source} is not a BudhHub backup: it has no pglite.tar.gz.`);
  if (fs.existsSync(env.pgliteDir)) throw new Error(`${env.pgliteDir} already holds a database: restore into an empty DATA_DIR.`);
  fs.mkdirSync(env.dataDir, { recursive: true });
  acquireDataDirLock(env.pgliteDir, "npm run db:restore");
  try {
    const db = new PGlite(env.pgliteDir, { loadDataDir: new Blob([fs.readFileSync(dump)]) });
    await db.waitReady;
    await db.close();
    if (fs.existsSync(path.join(source, "storage"))) fs.cpSync(path.join(source, "storage"), env.storageDir, { recursive: true });
    if (fs.existsSync(path.join(source, "auth-secret")))
      fs.copyFileSync(path.join(source, "auth-secret"), path.join(env.dataDir, "auth-secret"));
  } finally {
    releaseDataDirLock(env.pgliteDir);
  }
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
