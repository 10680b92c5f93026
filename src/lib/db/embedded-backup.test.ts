import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { backupEmbedded, restoreEmbedded } from "./embedded-backup";
import { lockPathFor } from "./pglite-lock";

const backups = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-backups-"));
const clean = () => {
  fs.rmSync(env.pgliteDir, { recursive: true, force: true });
  fs.rmSync(env.storageDir, { recursive: true, force: true });
};
afterEach(clean);

describe("the embedded backup", () => {
  it(
    "dumps the database and copies the stored files; a restore into an empty DATA_DIR brings both back",
    { timeout: 120_000 },
    async () => {
      clean();
      fs.mkdirSync(env.dataDir, { recursive: true });
      const db = new PGlite(env.pgliteDir);
      await db.exec("create table notes (body text); insert into notes values ('kept across a backup')");
      await db.close();
      fs.mkdirSync(path.join(env.storageDir, "courses", "c1"), { recursive: true });
      fs.writeFileSync(path.join(env.storageDir, "courses", "c1", "a.txt"), "stored bytes");

      const target = path.join(backups, "one");
      const { files } = await backupEmbedded(target);
      expect(files).toBeGreaterThanOrEqual(2);
      expect(fs.existsSync(path.join(target, "pglite.tar.gz"))).toBe(true);
      await expect(backupEmbedded(target)).rejects.toThrow(/already exists/);
      // The lock is released again.
      expect(fs.existsSync(lockPathFor(env.pgliteDir))).toBe(false);

      await expect(restoreEmbedded(target)).rejects.toThrow(/already holds a database/);
      clean();
      await restoreEmbedded(target);
      const restored = new PGlite(env.pgliteDir);
      expect((await restored.query<{ body: string }>("select body from notes")).rows).toEqual([{ body: "kept across a backup" }]);
      await restored.close();
      expect(fs.readFileSync(path.join(env.storageDir, "courses", "c1", "a.txt"), "utf8")).toBe("stored bytes");
    },
  );

  it("refuses a folder that is not a backup", async () => {
    await expect(restoreEmbedded(backups)).rejects.toThrow(/not a BudhHub backup/);
  });
});
