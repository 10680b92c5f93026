import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { connectDatabase, type Connection } from "./connect";
import { acquireDataDirLock, DatabaseLockedError, lockPathFor, releaseDataDirLock } from "./pglite-lock";

const run = promisify(execFile);
const root = process.cwd();

function openInChild(dir: string) {
  return run(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/helpers/open-embedded.ts", dir], {
    cwd: root,
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { body: string }[];

describe("embedded database lock", () => {
  const dirs: string[] = [];
  const open: Connection[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-lock-"));
    dirs.push(dir);
    return path.join(dir, "pglite");
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second process, names the holder, and the first keeps every write", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const first = connectDatabase({ driver: "pglite", dataDir: dir, command: "first opener" });
    open.push(first);
    await first.db.execute(sql`create table notes (id serial primary key, body text not null)`);
    await first.db.execute(sql`insert into notes (body) values ('before')`);

    const second = await openInChild(dir);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`pid ${process.pid}`);
    expect(second.stderr).toContain("first opener");
    expect(second.stderr).toMatch(/Stop that process first/);

    await first.db.execute(sql`insert into notes (body) values ('after')`);
    const rows = rowsOf(await first.db.execute(sql`select body from notes order by id`));
    expect(rows.map((r) => r.body)).toEqual(["before", "after"]);

    // Closed and reopened, the folder holds exactly the first process's rows: nothing lost, nothing from the refused one.
    await first.close();
    open.pop();
    const reopened = connectDatabase({ driver: "pglite", dataDir: dir });
    open.push(reopened);
    const again = rowsOf(await reopened.db.execute(sql`select body from notes order by id`));
    expect(again.map((r) => r.body)).toEqual(["before", "after"]);
  });

  it("lets the next process in once the holder has closed", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const first = connectDatabase({ driver: "pglite", dataDir: dir });
    await first.db.execute(sql`create table notes (id serial primary key, body text not null)`);
    await first.close();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);

    const second = await openInChild(dir);
    expect(second).toEqual({ code: 0, stderr: "" });
    const reopened = connectDatabase({ driver: "pglite", dataDir: dir });
    open.push(reopened);
    const rows = rowsOf(await reopened.db.execute(sql`select body from notes`));
    expect(rows.map((r) => r.body)).toEqual(["from the second process"]);
  });

  it("takes over a lock left by a process that died", () => {
    const dir = tempDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const dead = { pid: 2 ** 22 + 12345, host: os.hostname(), command: "crashed", startedAt: "earlier" };
    fs.writeFileSync(lockPathFor(dir), JSON.stringify(dead));
    acquireDataDirLock(dir, "survivor");
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(process.pid);
    releaseDataDirLock(dir);
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });

  it("refuses when a live process holds the lock", () => {
    const dir = tempDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // pid 1 is always alive.
    fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: 1, host: os.hostname(), command: "next dev", startedAt: "now" }));
    expect(() => acquireDataDirLock(dir, "intruder")).toThrow(DatabaseLockedError);
    expect(() => acquireDataDirLock(dir, "intruder")).toThrow(/pid 1 .*"next dev"/);
  });
});
