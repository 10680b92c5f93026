import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { setStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";

/** Local-disk storage in a temporary folder outside the project, installed as the app's storage for one test file. */
export function withTestStorage() {
  const state: { root: string } = { root: "" };
  beforeAll(() => {
    state.root = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-storage-"));
    setStorage(createLocalStorage(state.root));
  });
  afterAll(() => {
    setStorage(undefined);
    fs.rmSync(state.root, { recursive: true, force: true });
  });
  return state;
}
