import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { getConnection, setConnection } from "@/lib/db/client";
import { connectDatabase } from "@/lib/db/connect";
import { setStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { checkHealth } from "./check-health";

withTestDatabase();
const storage = withTestStorage();

describe("health", () => {
  const blocker = path.join(os.tmpdir(), `budhhub-not-a-folder-${process.pid}`);
  afterAll(() => fs.rmSync(blocker, { force: true }));

  it("is ok when the database and storage answer", async () => {
    expect(await checkHealth()).toEqual({ status: "ok", db: "ok", storage: "ok" });
  });

  it("names storage as the failing part when it cannot be written", async () => {
    fs.writeFileSync(blocker, "a file where the storage folder should be");
    setStorage(createLocalStorage(path.join(blocker, "storage")));
    try {
      expect(await checkHealth()).toEqual({ status: "error", db: "ok", storage: "error" });
    } finally {
      setStorage(createLocalStorage(storage.root));
    }
  });

  it("names the database as the failing part when it does not answer", async () => {
    const working = getConnection();
    // Nothing listens on port 1, so every query fails at once.
    const unreachable = connectDatabase({ driver: "pg", url: "postgres://nobody:nothing@127.0.0.1:1/none", poolMax: 1 });
    setConnection(unreachable);
    try {
      expect(await checkHealth()).toEqual({ status: "error", db: "error", storage: "ok" });
    } finally {
      setConnection(working);
      await unreachable.close();
    }
  });
});
