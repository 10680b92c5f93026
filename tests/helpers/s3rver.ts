import fs from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

type KoaContext = {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  type: string;
  body: unknown;
};
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
type S3rverServer = {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  middleware: Middleware[];
  store: { getResourcePath(bucket: string, key: string | undefined, resource: string): string };
};
type S3rverOptions = {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
};
// s3rver ships no types; this is the part of it the tests use.
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverServer;

export type S3rverState = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; directory: string };

/**
 * Starts s3rver on a free loopback port with one empty bucket in a temporary folder; `close` stops it and removes the
 * folder, `stop` only stops it (to start it again on the same port and folder, given here).
 */
export async function startS3rver(
  bucket = "budhhub-test",
  again?: { port: number; directory: string },
): Promise<S3rverState & { port: number; close: () => Promise<void>; stop: () => Promise<void> }> {
  const directory = again?.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: again?.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  addListParts(server);
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    directory,
    port,
    stop: () => server.close(),
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * S3's ListParts (GET /bucket/key?uploadId=…), which s3rver 3 answers with MethodNotAllowed: the upload routes list a
 * multipart upload's parts to resume it and to complete it. Read from s3rver's own store, where it keeps each part it
 * received (uploads/<uploadId>/<partNumber>, with its MD5, the part's ETag), until the upload is completed or aborted.
 * Path-style addresses only (S3_FORCE_PATH_STYLE=true), and no signature check: the app's SDK signs, s3rver checks the rest.
 */
function addListParts(server: S3rverServer) {
  const listParts: Middleware = async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    const match = /^\/([^/]+)\/(.+)$/.exec(ctx.path);
    if (ctx.method !== "GET" || typeof uploadId !== "string" || "partNumber" in ctx.query || !match) return next();
    const [, bucket, key] = match as unknown as [string, string, string];
    const uploadDir = path.join(server.store.getResourcePath(bucket, undefined, "uploads"), path.basename(uploadId));
    ctx.type = "application/xml";
    if (!fs.existsSync(uploadDir)) {
      ctx.status = 404;
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${xmlText(uploadId)}</UploadId></Error>`;
      return;
    }
    const parts = fs
      .readdirSync(uploadDir)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => a - b)
      .map((n) => {
        const file = path.join(uploadDir, String(n));
        const stat = fs.statSync(file);
        const md5 = fs.readFileSync(`${file}.md5`, "utf8").trim();
        return `<Part><PartNumber>${n}</PartNumber><LastModified>${stat.mtime.toISOString()}</LastModified><ETag>&quot;${md5}&quot;</ETag><Size>${stat.size}</Size></Part>`;
      });
    ctx.status = 200;
    ctx.body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
      `<Bucket>${xmlText(bucket)}</Bucket><Key>${xmlText(decodeURIComponent(key))}</Key><UploadId>${xmlText(uploadId)}</UploadId>` +
      `<MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>${parts.join("")}</ListPartsResult>`;
  };
  // Before s3rver's router, its last middleware.
  server.middleware.splice(server.middleware.length - 1, 0, listParts);
}
