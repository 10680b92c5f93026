import fs from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { setStorage } from "@/lib/storage";
import { type LocalStorage, createLocalStorage } from "@/lib/storage/local";

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

type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverOptions = {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
};
// s3rver ships no types; this is the part of it the tests use.
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverServer;

/**
 * An S3 protocol server (s3rver) on a free loopback port with one empty bucket, for one test file. It accepts any
 * signature, so the tests of signed URLs themselves run against the local driver.
 */
export function withS3rver() {
  const state = { endpoint: "", bucket: "budhhub-test", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", directory: "" };
  let server: S3rverServer | undefined;
  beforeAll(async () => {
    state.directory = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-s3rver-"));
    server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: state.directory,
      configureBuckets: [{ name: state.bucket }],
    });
    const { port } = await server.run();
    state.endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(state.directory, { recursive: true, force: true });
  });
  return state;
}
