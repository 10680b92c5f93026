import "server-only";
import { env } from "@/env";
import type { StorageDriver } from "./driver";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";

export type { StorageDriver } from "./driver";

/**
 * One driver per copy of this module, not one per process on globalThis. Next.js bundles each route with its own
 * copy of our modules, and a driver made by one bundle throws that bundle's AppError: another route's
 * `error instanceof AppError` is false, so its refusals (413 for an oversized PUT, 404 for a finished multipart
 * upload) became 500s. A driver holds nothing a second copy would need to share: the local one is a folder and a
 * secret, the S3 one a client.
 */
let storage: StorageDriver | undefined;

/** The process's storage driver: local disk under DATA_DIR/storage unless STORAGE_DRIVER=s3. */
export function getStorage(): StorageDriver {
  storage ??=
    env.STORAGE_DRIVER === "s3"
      ? createS3Storage({
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION,
          bucket: env.S3_BUCKET!,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        })
      : createLocalStorage(env.storageDir);
  return storage;
}

/** Tests point the app at their own storage. */
export function setStorage(driver: StorageDriver | undefined) {
  storage = driver;
}
