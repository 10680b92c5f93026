import type { Readable } from "node:stream";

export type ObjectInfo = { size: number; contentType?: string };
export type ByteRange = { start: number; end: number };
export type ObjectBody = Buffer | Readable;

/** What the app needs from object storage; implemented by local disk (the default) and by any S3-compatible service. */
export interface StorageDriver {
  readonly name: "local" | "s3";
  put(key: string, body: ObjectBody, options: { contentType: string; size: number }): Promise<void>;
  head(key: string): Promise<ObjectInfo | null>;
  /** A stream of the object, or of the inclusive byte range. */
  read(key: string, range?: ByteRange): Promise<{ body: Readable; size: number; contentType?: string }>;
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with prefix; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Resolves when storage answers; throws otherwise (health check). */
  check(): Promise<void>;
}
