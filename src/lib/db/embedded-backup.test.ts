import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import tar from "tar-stream";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { env } from "@/env";
import { backupEmbedded, restoreEmbedded } from "./embedded-backup";
import { acquireDataDirLock, lockPathFor, releaseDataDirLock } from "./pglite-lock";

// A DATA_DIR of this file's own, set before @/env is read: the test run's shared one holds other files' data (a mail
// outbox, written by tests in other workers at any time), which a restore rightly refuses to replace.
const ownDataDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, { tmpdir }, { join }] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = mkdtempSync(join(tmpdir(), "budhhub-backup-test-"));
  // eslint-disable-next-line no-restricted-properties -- setting, before @/env reads it, is the point here
  process.env.DATA_DIR = dir;
  return dir;
});
afterAll(() => fs.rmSync(ownDataDir, { recursive: true, force: true }));

const backups = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-backups-"));
const secretFile = path.join(env.dataDir, "auth-secret");
// The whole DATA_DIR, which is this file's own (above): a restore refuses a folder that is not empty.
const clean = () => {
  if (!fs.existsSync(env.dataDir)) return;
  for (const name of fs.readdirSync(env.dataDir)) fs.rmSync(path.join(env.dataDir, name), { recursive: true, force: true });
};
afterEach(clean);

async function writeSample() {
  clean();
  fs.mkdirSync(env.dataDir, { recursive: true });
  const db = new PGlite(env.pgliteDir);
  await db.exec("create table notes (body text); insert into notes values ('kept across a backup')");
  await db.close();
  fs.mkdirSync(path.join(env.storageDir, "courses", "c1"), { recursive: true });
  fs.writeFileSync(path.join(env.storageDir, "courses", "c1", "a.txt"), "stored bytes");
  fs.writeFileSync(secretFile, "the secret");
}

async function notes() {
  const restored = new PGlite(env.pgliteDir);
  const rows = (await restored.query<{ body: string }>("select body from notes")).rows;
  await restored.close();
  return rows;
}

/** A tar of the given entries, for files that are not backups. */
async function tarOf(file: string, entries: [string, string][]) {
  const pack = tar.pack();
  for (const [name, body] of entries) pack.entry({ name }, body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(Buffer.from(chunk as Buffer));
  fs.writeFileSync(file, Buffer.concat(chunks));
}

describe("the embedded backup", { timeout: 120_000 }, () => {
  it("writes one file with the database and the secret, and with --with-files the stored files; a restore brings them back", async () => {
    expect(env.dataDir).toBe(ownDataDir);
    await writeSample();
    const file = path.join(backups, "with-files.budhhub");
    expect((await backupEmbedded(file, { withFiles: true })).files).toBe(1);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    await expect(backupEmbedded(file, { withFiles: true })).rejects.toThrow(/already exists/);
    // The lock is released again, and no partial file is left.
    expect(fs.existsSync(lockPathFor(env.pgliteDir))).toBe(false);
    expect(fs.readdirSync(backups)).toEqual(["with-files.budhhub"]);

    clean();
    expect(await restoreEmbedded(file, { force: false })).toEqual({ files: 1 });
    expect(await notes()).toEqual([{ body: "kept across a backup" }]);
    expect(fs.readFileSync(path.join(env.storageDir, "courses", "c1", "a.txt"), "utf8")).toBe("stored bytes");
    expect(fs.readFileSync(secretFile, "utf8")).toBe("the secret");
    expect(fs.readdirSync(env.dataDir).filter((n) => n.startsWith(".restore-"))).toEqual([]);
  });

  it("without --with-files leaves the stored files out", async () => {
    await writeSample();
    const file = path.join(backups, "db-only.budhhub");
    expect((await backupEmbedded(file, { withFiles: false })).files).toBe(0);
    clean();
    expect(await restoreEmbedded(file, { force: false })).toEqual({ files: 0 });
    expect(await notes()).toEqual([{ body: "kept across a backup" }]);
    expect(fs.existsSync(env.storageDir)).toBe(false);
  });

  it("refuses a non-empty DATA_DIR unless forced, and then replaces the database", async () => {
    await writeSample();
    const file = path.join(backups, "forced.budhhub");
    await backupEmbedded(file, { withFiles: true });
    const db = new PGlite(env.pgliteDir);
    await db.exec("insert into notes values ('written after the backup')");
    await db.close();

    await expect(restoreEmbedded(file, { force: false })).rejects.toThrow(/is not empty \(.*pglite.*\).*--force/s);
    expect(await notes()).toHaveLength(2);
    await restoreEmbedded(file, { force: true });
    expect(await notes()).toEqual([{ body: "kept across a backup" }]);
  });

  it("refuses both while another process holds the database, naming it", async () => {
    await writeSample();
    const file = path.join(backups, "locked.budhhub");
    await backupEmbedded(file, { withFiles: false });
    // This process takes the lock as the server would; the lock is per process, so fake another holder's file.
    acquireDataDirLock(env.pgliteDir, "next start");
    releaseDataDirLock(env.pgliteDir);
    fs.writeFileSync(
      lockPathFor(env.pgliteDir),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), command: "next start", startedAt: new Date().toISOString() }),
    );
    try {
      await expect(backupEmbedded(path.join(backups, "refused.budhhub"), { withFiles: false })).rejects.toThrow(
        new RegExp(`open in pid ${process.ppid} \\("next start"\\).*Stop it`, "s"),
      );
      expect(fs.existsSync(path.join(backups, "refused.budhhub"))).toBe(false);
      await expect(restoreEmbedded(file, { force: true })).rejects.toThrow(/open in pid/);
      expect(await notesReadable()).toBe(true);
    } finally {
      fs.rmSync(lockPathFor(env.pgliteDir), { force: true });
    }
  });

  it("refuses a file that is not a backup, or one with an entry outside its folders, and changes nothing", async () => {
    clean();
    const notBackup = path.join(backups, "other.tar");
    await tarOf(notBackup, [["readme.txt", "hello"]]);
    await expect(restoreEmbedded(notBackup, { force: false })).rejects.toThrow(/not a BudhHub backup/);
    const escaping = path.join(backups, "escaping.tar");
    await tarOf(escaping, [
      ["budhhub-backup.json", JSON.stringify({ format: 1, createdAt: "", withFiles: true })],
      ["storage/../../escaped.txt", "x"],
    ]);
    await expect(restoreEmbedded(escaping, { force: false })).rejects.toThrow(/does not restore: storage\/\.\.\/\.\.\/escaped\.txt/);
    expect(fs.existsSync(env.pgliteDir)).toBe(false);
    expect(fs.existsSync(path.join(env.dataDir, "..", "escaped.txt"))).toBe(false);
    await expect(restoreEmbedded(path.join(backups, "missing"), { force: false })).rejects.toThrow(/does not exist/);
  });
});

async function notesReadable() {
  return (await notes()).length === 1;
}
