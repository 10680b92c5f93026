import "server-only";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { type ByteRange, type ObjectBody, type StorageDriver, type StoredPart, contentDisposition, noSuchUpload } from "./driver";
import { assertSignable } from "./keys";
import { encodeKeyPath } from "./signed-url";

export type S3Options = {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle?: boolean;
};

const errorName = (error: unknown) => (error instanceof S3ServiceException ? error.name : undefined);

/** S3's refusals of a client's own mistakes, as errors the upload routes can show; anything else stays a 500. */
function refusal(error: unknown): unknown {
  switch (errorName(error)) {
    case "NoSuchUpload":
      return noSuchUpload();
    case "InvalidPart":
    case "InvalidPartOrder":
      return new AppError("BAD_REQUEST", "A part is missing or was changed. Send it again.");
    case "EntityTooSmall":
      return new AppError("BAD_REQUEST", "Every part but the last must be at least 5 MiB.");
    default:
      return error;
  }
}

/**
 * Cloudflare R2, AWS S3, MinIO or any S3-compatible service. Browsers send and fetch the bytes through presigned
 * URLs, so media never passes through the app. The bucket needs a CORS rule allowing the app's origin to PUT and GET
 * and exposing ETag, which the browser reads from each part's response.
 */
export function createS3Storage(options: S3Options): StorageDriver {
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region || "auto",
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The default adds CRC checksums that R2 and presigned URLs reject, and that corrupt streamed bodies on s3rver.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  const isNotFound = (error: unknown) =>
    error instanceof S3ServiceException &&
    (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);
  const send = async <T>(request: Promise<T>) => request.catch((error: unknown) => Promise.reject(refusal(error)));

  return {
    name: "s3",
    async signPut(key, { contentType, size, expiresInSeconds }) {
      assertSignable(key, expiresInSeconds);
      // Content-Length and Content-Type are signed headers: S3 refuses a body of another size or type.
      const url = await getSignedUrl(client, new PutObjectCommand({ Bucket, Key: key, ContentType: contentType, ContentLength: size }), {
        expiresIn: expiresInSeconds,
        signableHeaders: new Set(["content-type", "content-length"]),
      });
      return { url, method: "PUT", headers: { "Content-Type": contentType } };
    },
    async createMultipart(key, { contentType }) {
      assertSignable(key, 1);
      const out = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: contentType }));
      if (!out.UploadId) throw new Error(`Storage gave no upload id for ${key}`);
      return out.UploadId;
    },
    async signPart(key, uploadId, partNumber, { size, expiresInSeconds }) {
      assertSignable(key, expiresInSeconds);
      return getSignedUrl(
        client,
        new UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, ContentLength: size }),
        { expiresIn: expiresInSeconds, signableHeaders: new Set(["content-length"]) },
      );
    },
    async completeMultipart(key, uploadId, parts) {
      const Parts = [...parts].sort((a, b) => a.partNumber - b.partNumber).map((p) => ({ PartNumber: p.partNumber, ETag: p.etag }));
      await send(client.send(new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts } })));
    },
    async abortMultipart(key, uploadId) {
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId })).catch((error: unknown) => {
        if (errorName(error) !== "NoSuchUpload") throw error;
      });
    },
    async listParts(key, uploadId) {
      const parts: StoredPart[] = [];
      let PartNumberMarker: string | undefined;
      do {
        const page = await send(client.send(new ListPartsCommand({ Bucket, Key: key, UploadId: uploadId, PartNumberMarker })));
        for (const p of page.Parts ?? []) {
          if (p.PartNumber && p.ETag) parts.push({ partNumber: p.PartNumber, etag: p.ETag, size: p.Size ?? 0 });
        }
        PartNumberMarker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (PartNumberMarker);
      return parts;
    },
    async signGet(key, { expiresInSeconds, fileName, contentType, disposition }) {
      assertSignable(key, expiresInSeconds);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: disposition || fileName ? contentDisposition(disposition ?? "inline", fileName) : undefined,
      });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },

    async put(key: string, body: ObjectBody, { contentType, size }) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: size }));
    },
    async head(key: string) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async read(key: string, range?: ByteRange) {
      const out = await client.send(
        new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      const total = out.ContentRange ? Number(out.ContentRange.split("/")[1]) : (out.ContentLength ?? 0);
      return { body: out.Body as Readable, size: total, contentType: out.ContentType };
    },
    async copy(fromKey, toKey) {
      // CopySource is "bucket/key" and must be URL-encoded; the slashes between segments stay as they are.
      await client.send(new CopyObjectCommand({ Bucket, Key: toKey, CopySource: `${Bucket}/${encodeKeyPath(fromKey)}` }));
    },
    async delete(key: string) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async deletePrefix(prefix: string) {
      let deleted = 0;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length > 0) {
          await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
          deleted += keys.length;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return deleted;
    },
    async *listKeys(prefix: string) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
