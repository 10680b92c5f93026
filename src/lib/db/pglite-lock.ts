import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite lets any number of processes open one data folder and does not stop them: two openers silently lose writes and
 * can leave the folder unreadable. So whoever opens the embedded database first holds this lock file until it exits, and
 * everyone else is refused before PGlite touches the folder.
 */

type Holder = { pid: number; host: string; command: string; startedAt: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly holder: Holder,
    dataDir: string,
  ) {
    super(
      [
        `The embedded database in ${dataDir} is in use by another process:`,
        `  pid ${holder.pid} on ${holder.host}, "${holder.command}", since ${holder.startedAt}.`,
        `PGlite allows one process per data folder, so this process has stopped without writing anything.`,
        `Stop that process first (Ctrl+C in its terminal, or: kill ${holder.pid}) and try again,`,
        `or give this one its own folder with DATA_DIR=…, or set DATABASE_URL to use a Postgres server that many processes can share.`,
      ].join("\n"),
    );
    this.name = "DatabaseLockedError";
  }
}

const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as Holder;
  } catch {
    return null;
  }
}

export function lockPathFor(dataDir: string) {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
}

/** Takes the lock for this process or throws DatabaseLockedError naming the holder. Safe to call again. */
export function acquireDataDirLock(dataDir: string, command: string): void {
  const lockPath = lockPathFor(dataDir);
  if (held.has(lockPath)) return;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: Holder = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx" });
      held.add(lockPath);
      process.once("exit", () => releaseDataDirLock(dataDir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(lockPath);
    if (holder && holder.pid === process.pid && holder.host === me.host) {
      held.add(lockPath);
      return;
    }
    if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new DatabaseLockedError(holder, dataDir);
    // The holder died without cleaning up (kill -9, a crash): the lock is stale.
    fs.rmSync(lockPath, { force: true });
  }
  const holder = readHolder(lockPath);
  throw new DatabaseLockedError(holder ?? { pid: 0, host: "?", command: "unknown", startedAt: "?" }, dataDir);
}

export function releaseDataDirLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  if (!held.delete(lockPath)) return;
  const holder = readHolder(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
