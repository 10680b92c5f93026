import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { setStorage } from "@/lib/storage";
import { type LocalStorage, createLocalStorage } from "@/lib/storage/local";
import { type S3rverState, startS3rver } from "./s3rver";

export const TEST_APP_URL = "http://localhost:3000";
export const TEST_STORAGE_SECRET = "test-storage-secret-of-at-least-32-characters";

/** Local-disk storage in a temporary folder outside the project, installed as the app's storage for one test file. */
export function withTestStorage() {
  let root = "";
  let driver: LocalStorage | undefined;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-storage-"));
    driver = createLocalStorage(root, { baseUrl: TEST_APP_URL, secret: TEST_STORAGE_SECRET });
    setStorage(driver);
  });
  afterAll(() => {
    setStorage(undefined);
    fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    get driver(): LocalStorage {
      if (!driver) throw new Error("withTestStorage's driver exists only inside the tests");
      return driver;
    },
  };
}

/**
 * An S3 protocol server (s3rver) on a free loopback port with one empty bucket, for one test file. It accepts any
 * signature, so the tests of signed URLs themselves run against the local driver.
 */
export function withS3rver() {
  const state: S3rverState = { endpoint: "", bucket: "budhhub-test", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", directory: "" };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startS3rver(state.bucket);
    Object.assign(state, { endpoint: started.endpoint, directory: started.directory });
    close = started.close;
  });
  afterAll(async () => {
    await close?.();
  });
  return state;
}
