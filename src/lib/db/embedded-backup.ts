import "server-only";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import tar from "tar-stream";
import { env } from "@/env";
import { acquireDataDirLock, DatabaseLockedError, releaseDataDirLock } from "./pglite-lock";

/**
 * A backup of the embedded set-up in one file: a tar holding a manifest, a consistent dump of the PGlite database
 * (PGlite's own dumpDataDir, not a copy of a live folder, which could catch a write half-way), the generated secret
 * (sessions, signed URLs and sealed mail jobs need it) and, when asked, every stored file under `storage/`.
 *
 * PGlite allows one process per data folder, so a backup reads the database with the folder's lock held: while the
 * server runs it is refused with a message naming the server. (The server could dump itself on request, but that needs
 * an admin route and a dump of the whole database in the server's memory while it serves; stopping it for the few
 * seconds a dump takes is simpler and the file is what a restore needs either way.)
 */

const MANIFEST = "budhhub-backup.json";
const DATABASE = "pglite.tar.gz";
const SECRET = "auth-secret";
const STORAGE = "storage/";

type Manifest = { format: 1; createdAt: string; withFiles: boolean };

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusedError";
  }
}

function lockOrExplain(command: string, what: string) {
  try {
    acquireDataDirLock(env.pgliteDir, command);
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    const { pid, command: holder } = error.holder;
    throw new BackupRefusedError(
      [
        `The embedded database in ${env.pgliteDir} is open in pid ${pid} ("${holder}").`,
        `PGlite allows one process per data folder, so ${what} while it runs. Stop it (kill ${pid}),`,
        `run this command again, then start the server; with a PostgreSQL server (DATABASE_URL) use pg_dump instead.`,
      ].join("\n"),
    );
  }
}

function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : [],
    );
}

/** Adds one entry to the pack and waits until it is written (entries go one at a time). */
function addEntry(pack: tar.Pack, name: string, body: Buffer | { file: string; size: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const mode = name === SECRET ? 0o600 : 0o644;
    if (Buffer.isBuffer(body)) {
      pack.entry({ name, size: body.length, mode }, body, (error) => (error ? reject(error) : resolve()));
      return;
    }
    const entry = pack.entry({ name, size: body.size, mode }, (error) => (error ? reject(error) : resolve()));
    fs.createReadStream(body.file).on("error", reject).pipe(entry);
  });
}

/**
 * Writes the backup to `file` (refused if it exists). It is written beside it under another name and renamed at the
 * end, so a backup that fails half-way never looks like a finished one. Readable by its owner only: it holds the secret
 * and every password hash.
 */
export async function backupEmbedded(file: string, { withFiles }: { withFiles: boolean }): Promise<{ files: number; bytes: number }> {
  if (fs.existsSync(file)) throw new BackupRefusedError(`${file} already exists: give a new file name for the backup.`);
  if (!fs.existsSync(env.pgliteDir)) throw new BackupRefusedError(`${env.pgliteDir} holds no database: nothing to back up.`);
  lockOrExplain("npm run backup", "a backup cannot read it");
  const partial = `${file}.partial-${process.pid}`;
  try {
    const db = new PGlite(env.pgliteDir);
    // dumpDataDir before the database is ready waits for ever.
    await db.waitReady;
    const dump = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
    await db.close();

    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const pack = tar.pack();
    const written = pipeline(pack, fs.createWriteStream(partial, { mode: 0o600 }));
    const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), withFiles };
    await addEntry(pack, MANIFEST, Buffer.from(JSON.stringify(manifest)));
    await addEntry(pack, DATABASE, dump);
    const secret = path.join(env.dataDir, SECRET);
    if (fs.existsSync(secret)) await addEntry(pack, SECRET, fs.readFileSync(secret));
    const stored = withFiles ? listFiles(env.storageDir) : [];
    for (const key of stored) {
      const full = path.join(env.storageDir, key);
      await addEntry(pack, `${STORAGE}${key}`, { file: full, size: fs.statSync(full).size });
    }
    pack.finalize();
    await written;
    fs.renameSync(partial, file);
    return { files: stored.length, bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(partial, { force: true });
    releaseDataDirLock(env.pgliteDir);
  }
}

/** The storage key an entry names, or null for a name that would land outside the storage folder. */
function storageTarget(name: string, storageDir: string): string | null {
  const key = name.slice(STORAGE.length);
  if (!key || key.split("/").some((part) => part === "" || part === "." || part === "..")) return null;
  const target = path.resolve(storageDir, key);
  return target.startsWith(storageDir + path.sep) ? target : null;
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** What DATA_DIR holds that a restore would replace (the lock file of a stopped process does not count). */
function occupants(): string[] {
  if (!fs.existsSync(env.dataDir)) return [];
  return fs.readdirSync(env.dataDir).filter((name) => name !== path.basename(`${env.pgliteDir}.lock`) && !name.startsWith(".restore-"));
}

/**
 * Restores a backup file into DATA_DIR. An empty (or missing) DATA_DIR only, unless `force`, which replaces its
 * database, secret and — when the backup carries files — its stored files. Everything is unpacked into a folder beside
 * them first and moved into place at the end, so a damaged file leaves DATA_DIR as it was.
 */
export async function restoreEmbedded(file: string, { force }: { force: boolean }): Promise<{ files: number }> {
  if (!fs.existsSync(file)) throw new BackupRefusedError(`${file} does not exist.`);
  const present = occupants();
  if (present.length > 0 && !force) {
    throw new BackupRefusedError(
      `${env.dataDir} is not empty (${present.join(", ")}): restore into an empty DATA_DIR, or add --force to replace what it holds.`,
    );
  }
  fs.mkdirSync(env.dataDir, { recursive: true });
  lockOrExplain("npm run restore", "it cannot be replaced");
  const work = path.join(env.dataDir, `.restore-${process.pid}`);
  const workStorage = path.join(work, "storage");
  try {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(workStorage, { recursive: true });
    let manifest: Manifest | null = null;
    let dump: Buffer | null = null;
    let secret: Buffer | null = null;
    let files = 0;
    const extract = tar.extract();
    const reading = pipeline(fs.createReadStream(file), extract);
    // A refusal below stops reading half-way, which rejects this too; the refusal is what the caller hears.
    reading.catch(() => undefined);
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (!manifest) {
        if (name !== MANIFEST) throw new BackupRefusedError(`${file} is not a BudhHub backup (it starts with ${name}).`);
        manifest = JSON.parse((await readAll(entry)).toString("utf8")) as Manifest;
        if (manifest.format !== 1)
          throw new BackupRefusedError(`${file} is a backup of format ${String(manifest.format)}, which this version cannot read.`);
        continue;
      }
      const target = name.startsWith(STORAGE) ? storageTarget(name, workStorage) : null;
      if (type !== "file" || (name !== DATABASE && name !== SECRET && !target)) {
        throw new BackupRefusedError(`${file} holds an entry this version does not restore: ${name}.`);
      }
      if (name === DATABASE) dump = await readAll(entry);
      else if (name === SECRET) secret = await readAll(entry);
      else {
        fs.mkdirSync(path.dirname(target!), { recursive: true });
        await pipeline(entry as unknown as NodeJS.ReadableStream, fs.createWriteStream(target!));
        files += 1;
      }
    }
    await reading;
    if (!manifest) throw new BackupRefusedError(`${file} is not a BudhHub backup (it is empty).`);
    if (!dump) throw new BackupRefusedError(`${file} holds no database: it is damaged.`);

    const db = new PGlite(path.join(work, "pglite"), { loadDataDir: new Blob([new Uint8Array(dump)]) });
    await db.waitReady;
    await db.close();

    fs.rmSync(env.pgliteDir, { recursive: true, force: true });
    fs.renameSync(path.join(work, "pglite"), env.pgliteDir);
    if (secret) fs.writeFileSync(path.join(env.dataDir, SECRET), secret, { mode: 0o600 });
    if (manifest.withFiles) {
      fs.rmSync(env.storageDir, { recursive: true, force: true });
      fs.renameSync(workStorage, env.storageDir);
    }
    return { files };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    releaseDataDirLock(env.pgliteDir);
  }
}
