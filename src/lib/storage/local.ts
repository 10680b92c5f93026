import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ByteRange, ObjectBody, StorageDriver } from "./driver";

/** Objects as files under one folder. Writes go to a temporary file first, so a failed upload never leaves half a file. */
export function createLocalStorage(root: string): StorageDriver {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`Refused storage key outside the root: ${key}`);
    return full;
  };

  async function listUnder(dir: string): Promise<string[]> {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map((e) => (e.isDirectory() ? listUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])),
    );
    return nested.flat();
  }

  return {
    name: "local",
    async put(key: string, body: ObjectBody) {
      const target = resolve(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(4).toString("hex")}.part`;
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, fs.createWriteStream(temp));
        await fs.promises.rename(temp, target);
      } catch (error) {
        await fs.promises.rm(temp, { force: true });
        throw error;
      }
    },
    async head(key: string) {
      const stat = await fs.promises.stat(resolve(key)).catch(() => null);
      return stat?.isFile() ? { size: stat.size } : null;
    },
    async read(key: string, range?: ByteRange) {
      const file = resolve(key);
      const stat = await fs.promises.stat(file);
      const body = fs.createReadStream(file, range ? { start: range.start, end: range.end } : undefined);
      return { body, size: stat.size };
    },
    async delete(key: string) {
      await fs.promises.rm(resolve(key), { force: true });
    },
    async deletePrefix(prefix: string) {
      const dir = resolve(prefix.replace(/\/+$/, ""));
      const files = (await listUnder(dir)).filter((f) => !f.endsWith(".part"));
      await fs.promises.rm(dir, { recursive: true, force: true });
      return files.length;
    },
    async check() {
      await fs.promises.mkdir(root, { recursive: true });
      await fs.promises.access(root, fs.constants.R_OK | fs.constants.W_OK);
    },
  };
}
