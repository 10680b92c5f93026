import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/env";
import { getAuthSecret } from "@/lib/auth/secret";
import { AppError } from "@/lib/http/errors";
import { type ByteRange, type ObjectBody, type StorageDriver, MIN_PART_BYTES, noSuchUpload } from "./driver";
import { assertSignable, uploadIdOfStagingKey } from "./keys";
import { UPLOAD_ID_PATTERN, type UrlClaims, type Verdict, signedUrl, signedUrlSecret, verifyClaims } from "./signed-url";

/** The local driver, with what its app routes (src/app/api/storage, through lib/uploads) need beyond the common interface. */
export type LocalStorage = StorageDriver & {
  readonly name: "local";
  verify(claims: UrlClaims, signature: string): Verdict;
  /** Writes exactly `size` bytes (as `put` does); more or fewer is refused and leaves nothing behind. */
  receive(key: string, body: Readable, size: number): Promise<{ etag: string }>;
  putPart(key: string, uploadId: string, partNumber: number, body: Readable, size: number): Promise<{ etag: string }>;
};

export const isLocalStorage = (driver: StorageDriver): driver is LocalStorage => driver.name === "local" && "putPart" in driver;

export type LocalStorageOptions = {
  /** Origin the signed URLs point at; APP_URL by default. */
  baseUrl?: string;
  /** The secret storage keys are derived from; AUTH_SECRET (or the generated one) by default, read when first needed. */
  secret?: string;
};

/** Counts and hashes the bytes going through, and fails the stream the moment they exceed `size` or end short of it. */
function exactly(size: number, hash: ReturnType<typeof createHash>) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > size) return done(new AppError("PAYLOAD_TOO_LARGE", `The upload is larger than the ${size} bytes declared.`));
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(seen === size ? null : new AppError("BAD_REQUEST", `The upload ended after ${seen} of the ${size} bytes declared.`));
    },
  });
}

const stripQuotes = (etag: string) => etag.replace(/"/g, "");
const PART_FILE = /^(\d{5})-([0-9a-f]{32})\.part$/;
const partFilePrefix = (partNumber: number) => `${String(partNumber).padStart(5, "0")}-`;

/**
 * Objects as files under one folder. Every write streams to a temporary file that is renamed into place only when all
 * the declared bytes arrived, so a failed or oversized upload never leaves half a file. Multipart uploads keep their
 * parts in `.multipart/<uploadId>/` (a name no key can take) until they are joined.
 */
export function createLocalStorage(root: string, options: LocalStorageOptions = {}): LocalStorage {
  let secretKey: Buffer | undefined;
  const secret = () => (secretKey ??= signedUrlSecret(options.secret ?? getAuthSecret()));
  const baseUrl = () => options.baseUrl ?? env.appUrl;
  const sign = (claims: Omit<UrlClaims, "expires">, expiresInSeconds: number) => {
    assertSignable(claims.key, expiresInSeconds);
    return signedUrl(baseUrl(), secret(), { ...claims, expires: Math.floor(Date.now() / 1000) + expiresInSeconds });
  };

  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`Refused storage key outside the root: ${key}`);
    return full;
  };
  const uploadDir = (uploadId: string) => {
    if (!UPLOAD_ID_PATTERN.test(uploadId)) throw noSuchUpload();
    return path.join(root, ".multipart", uploadId);
  };
  /** The upload's folder, after checking that it exists and belongs to this key. */
  async function openUpload(key: string, uploadId: string): Promise<string> {
    const dir = uploadDir(uploadId);
    const manifest = await fs.promises.readFile(path.join(dir, "upload.json"), "utf8").catch(() => null);
    if (!manifest || (JSON.parse(manifest) as { key?: string }).key !== key) throw noSuchUpload();
    return dir;
  }

  /** Fills a temporary file beside `target` and renames it into place, or removes it when filling fails. */
  async function replaceFile(target: string, fill: (temp: string) => Promise<void>, { createFolder = true } = {}) {
    if (createFolder) await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString("hex")}.part`;
    try {
      await fill(temp);
      await fs.promises.rename(temp, target);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
  }

  async function writeFile(target: string, body: Readable, size: number, options?: { createFolder?: boolean }): Promise<string> {
    const hash = createHash("md5");
    // The file is opened before a byte flows: fs.createWriteStream opens it lazily, and a body refused at once (longer
    // than signed) could then create the temporary file after replaceFile had removed it.
    await replaceFile(
      target,
      async (temp) => pipeline(body, exactly(size, hash), (await fs.promises.open(temp, "w")).createWriteStream()),
      options,
    );
    return hash.digest("hex");
  }

  /** A staging key has a folder of its own: left empty (its object deleted or refused) it would stay for ever. */
  async function removeStagingFolder(key: string) {
    if (uploadIdOfStagingKey(key)) await fs.promises.rmdir(path.dirname(resolve(key))).catch(() => undefined);
  }

  async function listUnder(dir: string): Promise<string[]> {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])));
    return nested.flat();
  }

  async function listParts(key: string, uploadId: string) {
    const dir = await openUpload(key, uploadId);
    const parts = await Promise.all(
      (await fs.promises.readdir(dir)).flatMap((file) => {
        const [, number, etag] = PART_FILE.exec(file) ?? [];
        if (!number || !etag) return [];
        return [fs.promises.stat(path.join(dir, file)).then((s) => ({ partNumber: Number(number), etag, size: s.size, file }))];
      }),
    );
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  return {
    name: "local",
    verify: (claims, signature) => verifyClaims(secret(), claims, signature),

    async signPut(key, { contentType, size, expiresInSeconds }) {
      const url = sign({ method: "PUT", route: "objects", key, size, contentType }, expiresInSeconds);
      return { url, method: "PUT", headers: { "Content-Type": contentType } };
    },
    async signGet(key, { expiresInSeconds, fileName, contentType, disposition }) {
      return sign({ method: "GET", route: "objects", key, fileName, contentType, disposition }, expiresInSeconds);
    },
    async signPart(key, uploadId, partNumber, { size, expiresInSeconds }) {
      return sign({ method: "PUT", route: "multipart", key, uploadId, partNumber, size }, expiresInSeconds);
    },

    async createMultipart(key, { contentType }) {
      assertSignable(key, 1);
      const uploadId = randomBytes(16).toString("hex");
      const dir = uploadDir(uploadId);
      await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.writeFile(path.join(dir, "upload.json"), JSON.stringify({ key, contentType, createdAt: new Date() }));
      return uploadId;
    },
    async putPart(key, uploadId, partNumber, body, size) {
      const dir = await openUpload(key, uploadId);
      const temp = path.join(dir, `upload-${randomBytes(4).toString("hex")}`);
      let name: string;
      let etag: string;
      try {
        // Joined or aborted while this part streamed in, the upload's folder is gone (ENOENT) and must stay gone: a
        // part in a folder no upload lists would be kept for ever.
        etag = await writeFile(temp, body, size, { createFolder: false });
        name = `${partFilePrefix(partNumber)}${etag}.part`;
        await fs.promises.rename(temp, path.join(dir, name));
      } catch (error) {
        await fs.promises.rm(temp, { force: true });
        throw (error as NodeJS.ErrnoException).code === "ENOENT" ? noSuchUpload() : error;
      }
      // A part sent again replaces the earlier one, as on S3.
      for (const file of await fs.promises.readdir(dir)) {
        if (file.startsWith(partFilePrefix(partNumber)) && file !== name) await fs.promises.rm(path.join(dir, file), { force: true });
      }
      return { etag };
    },
    async listParts(key, uploadId) {
      // Quoted, as S3 lists them and as the part responses' ETag header carries them.
      return (await listParts(key, uploadId)).map(({ partNumber, etag, size }) => ({ partNumber, etag: `"${etag}"`, size }));
    },
    async completeMultipart(key, uploadId, parts) {
      const stored = new Map((await listParts(key, uploadId)).map((p) => [p.partNumber, p]));
      const dir = uploadDir(uploadId);
      const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber);
      if (ordered.length === 0) throw new AppError("BAD_REQUEST", "An upload needs at least one part.");
      const files = ordered.map((part, i) => {
        const found = stored.get(part.partNumber);
        if (!found || found.etag !== stripQuotes(part.etag) || ordered[i - 1]?.partNumber === part.partNumber) {
          throw new AppError("BAD_REQUEST", `Part ${part.partNumber} is missing or was changed. Send it again.`);
        }
        if (i < ordered.length - 1 && found.size < MIN_PART_BYTES) {
          throw new AppError("BAD_REQUEST", `Part ${part.partNumber} is smaller than the 5 MiB every part but the last needs.`);
        }
        return found;
      });
      const size = files.reduce((sum, f) => sum + f.size, 0);
      const joined = Readable.from(
        (async function* () {
          for (const f of files) yield* fs.createReadStream(path.join(dir, f.file));
        })(),
      );
      await writeFile(resolve(key), joined, size);
      await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },
    async abortMultipart(key, uploadId) {
      const dir = await openUpload(key, uploadId).catch(() => null);
      // A part still streaming may put its file in the folder while it is being removed: retry until it is gone.
      if (dir) await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    },

    async receive(key, body, size) {
      try {
        return { etag: await writeFile(resolve(key), body, size) };
      } catch (error) {
        await removeStagingFolder(key);
        throw error;
      }
    },
    async put(key, body: ObjectBody, { size }) {
      await writeFile(resolve(key), Buffer.isBuffer(body) ? Readable.from([body]) : body, size);
    },
    async head(key) {
      const stat = await fs.promises.stat(resolve(key)).catch(() => null);
      return stat?.isFile() ? { size: stat.size } : null;
    },
    async read(key, range?: ByteRange) {
      const file = resolve(key);
      const stat = await fs.promises.stat(file);
      const body = fs.createReadStream(file, range ? { start: range.start, end: range.end } : undefined);
      return { body, size: stat.size };
    },
    async copy(fromKey, toKey) {
      const source = resolve(fromKey);
      await replaceFile(resolve(toKey), (temp) => fs.promises.copyFile(source, temp));
    },
    async delete(key) {
      const file = resolve(key);
      await fs.promises.rm(file, { force: true });
      await removeStagingFolder(key);
    },
    async deletePrefix(prefix) {
      const dir = resolve(prefix.replace(/\/+$/, ""));
      const files = (await listUnder(dir)).filter((f) => !f.endsWith(".part"));
      await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
      return files.length;
    },
    async *listKeys(prefix) {
      const dir = resolve(prefix.replace(/\/+$/, ""));
      for (const file of await listUnder(dir)) {
        if (!file.endsWith(".part")) yield path.relative(root, file).split(path.sep).join("/");
      }
    },
    async check() {
      await fs.promises.mkdir(root, { recursive: true });
      await fs.promises.access(root, fs.constants.R_OK | fs.constants.W_OK);
    },
  };
}
