import type { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";

export type ObjectInfo = { size: number; contentType?: string };
export type ByteRange = { start: number; end: number };
export type ObjectBody = Buffer | Readable;

export type SignedPut = { url: string; method: "PUT"; headers: Record<string, string> };
export type Disposition = "inline" | "attachment";
export type SignGetOptions = { expiresInSeconds: number; fileName?: string; contentType?: string; disposition?: Disposition };
export type CompletedPart = { partNumber: number; etag: string };
export type StoredPart = CompletedPart & { size: number };

/**
 * What the app needs from object storage; implemented by local disk (the default) and by any S3-compatible service.
 * Browsers move the bytes themselves through signed URLs, so the app never holds a file: one PUT up to
 * MULTIPART_THRESHOLD, signed part URLs above it.
 */
export interface StorageDriver {
  readonly name: "local" | "s3";
  /** One PUT of exactly `size` bytes of `contentType`; the client must send `headers` as given. */
  signPut(key: string, options: { contentType: string; size: number; expiresInSeconds: number }): Promise<SignedPut>;
  createMultipart(key: string, options: { contentType: string }): Promise<string>;
  /** A URL for one PUT of part `partNumber` (1 to MAX_PARTS) of exactly `size` bytes; its response carries the ETag. */
  signPart(key: string, uploadId: string, partNumber: number, options: { size: number; expiresInSeconds: number }): Promise<string>;
  /** Joins the parts in partNumber order; every part but the last must be at least MIN_PART_BYTES. */
  completeMultipart(key: string, uploadId: string, parts: CompletedPart[]): Promise<void>;
  /** Drops an unfinished upload and its parts; a no-op for one that is already gone. */
  abortMultipart(key: string, uploadId: string): Promise<void>;
  /** The parts stored so far, so that a client can resume after a page reload. */
  listParts(key: string, uploadId: string): Promise<StoredPart[]>;
  /** A URL that answers GET (with Range) and HEAD for the object until it expires. */
  signGet(key: string, options: SignGetOptions): Promise<string>;
  put(key: string, body: ObjectBody, options: { contentType: string; size: number }): Promise<void>;
  head(key: string): Promise<ObjectInfo | null>;
  /**
   * Copies an object inside storage, without the bytes passing through the app; `toKey` gets the whole object or
   * stays as it was. Used for single-PUT sizes (S3 copies at most 5 GiB in one request).
   */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** A stream of the object, or of the inclusive byte range. */
  read(key: string, range?: ByteRange): Promise<{ body: Readable; size: number; contentType?: string }>;
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with prefix; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** The keys of the objects under prefix, page by page; objects being written are not listed. */
  listKeys(prefix: string): AsyncIterable<string>;
  /** Resolves when storage answers; throws otherwise (health check). */
  check(): Promise<void>;
}

const MiB = 1024 ** 2;

/** Files up to this size go in one signed PUT; larger ones in parts. */
export const MULTIPART_THRESHOLD = 64 * MiB;
/** S3's limits: at most 10,000 parts, each but the last at least 5 MiB, none above 5 GiB. */
export const MAX_PARTS = 10_000;
export const MIN_PART_BYTES = 5 * MiB;
export const MAX_PART_BYTES = 5 * 1024 * MiB;
/** Small enough that a failed part costs little to retry, large enough to keep the request count low. */
export const DEFAULT_PART_SIZE = 16 * MiB;
/** S3 refuses presigned URLs valid for more than seven days. */
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

/** How a file of `size` bytes is cut: 16 MiB parts, grown in whole MiB so that there are never more than MAX_PARTS. */
export function partPlan(size: number): { partSize: number; partCount: number } {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError(`Cannot plan parts for ${size} bytes`);
  const partSize = Math.max(DEFAULT_PART_SIZE, Math.ceil(size / MAX_PARTS / MiB) * MiB);
  if (partSize > MAX_PART_BYTES) throw new RangeError(`${size} bytes is beyond what multipart storage can hold`);
  return { partSize, partCount: Math.ceil(size / partSize) };
}

const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A Content-Disposition value with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(disposition: Disposition, fileName?: string): string {
  if (!fileName) return disposition;
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Both drivers answer an unknown or finished multipart upload alike, so the upload code has one case to handle. */
export const noSuchUpload = () => new AppError("NOT_FOUND", "This upload no longer exists. Start it again.");
