import fs from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

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
