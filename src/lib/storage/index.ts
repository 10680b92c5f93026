import "server-only";
import { env } from "@/env";
import type { StorageDriver } from "./driver";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";

export type { StorageDriver } from "./driver";

const globalForStorage = globalThis as unknown as { __budhhubStorage?: StorageDriver };

/** The process's storage driver: local disk under DATA_DIR/storage unless STORAGE_DRIVER=s3. */
export function getStorage(): StorageDriver {
  globalForStorage.__budhhubStorage ??=
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
  return globalForStorage.__budhhubStorage;
}

/** Tests point the app at their own storage. */
export function setStorage(driver: StorageDriver | undefined) {
  globalForStorage.__budhhubStorage = driver;
}
