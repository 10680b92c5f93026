import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { rowsOf } from "@/lib/analytics/sql-rows";
import { getConnection, setConnection } from "@/lib/db/client";
import { connectDatabase } from "@/lib/db/connect";
import { setStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { checkReadiness } from "./check-readiness";

const database = withTestDatabase();
const storage = withTestStorage();

describe("readiness", () => {
  const blocker = path.join(os.tmpdir(), `budhhub-ready-not-a-folder-${process.pid}`);
  afterAll(() => fs.rmSync(blocker, { force: true }));

  it("passes every check on a migrated database with working storage", async () => {
    expect(await checkReadiness()).toEqual({ status: "pass", checks: { database: "pass", migrations: "pass", storage: "pass" } });
  });

  it("fails the migrations check when the last migration is not recorded as applied", async () => {
    const db = database.connection!.db;
    const [row] = rowsOf<{ id: number; hash: string; created_at: string }>(
      await db.execute(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
    );
    if (!row) throw new Error("no migration recorded");
    await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${row.id}`);
    try {
      expect(await checkReadiness()).toEqual({ status: "fail", checks: { database: "pass", migrations: "fail", storage: "pass" } });
    } finally {
      await db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${row.id}, ${row.hash}, ${row.created_at})`,
      );
    }
    expect((await checkReadiness()).status).toBe("pass");
  });

  it("fails the storage check when storage cannot be written", async () => {
    fs.writeFileSync(blocker, "a file where the storage folder should be");
    setStorage(createLocalStorage(path.join(blocker, "storage")));
    try {
      expect(await checkReadiness()).toEqual({ status: "fail", checks: { database: "pass", migrations: "pass", storage: "fail" } });
    } finally {
      setStorage(createLocalStorage(storage.root));
    }
  });

  it("fails the database and migrations checks when the database does not answer", async () => {
    const working = getConnection();
    const unreachable = connectDatabase({ driver: "pg", url: "postgres://nobody:nothing@127.0.0.1:1/none", poolMax: 1 });
    setConnection(unreachable);
    try {
      expect(await checkReadiness()).toEqual({ status: "fail", checks: { database: "fail", migrations: "fail", storage: "pass" } });
    } finally {
      setConnection(working);
      await unreachable.close();
    }
  });
});
