import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { admitUploadWrite } from "./admit-upload-write";
import { authorizeSignedRequest } from "./signed-storage-request";

/** A PUT to a signed URL of the local driver: one whole object (to a staging key) or one part of a multipart upload. */
export type SignedPut = {
  route: "objects" | "multipart";
  url: string;
  key: string;
  /** The request's Content-Type and Content-Length headers, as sent. */
  contentType: string | null;
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
};

/**
 * The request body as a Node stream. When the disk write refuses it half-way (more bytes than signed), reading stops
 * between two chunks: the request's stream is cancelled only while no read of it is pending. Node's own adapter
 * (Readable.fromWeb) reads ahead and cancels mid-read, and undici's stream over the incoming request then closes its
 * controller a second time in a microtask, an uncaught ERR_INVALID_STATE (nodejs/undici#5715).
 */
function bodyStream(body: ReadableStream<Uint8Array> | null): Readable {
  if (!body) return Readable.from([]);
  const reader = body.getReader();
  async function* chunks() {
    let ended = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          ended = true;
          return;
        }
        yield value;
      }
    } finally {
      if (!ended) await reader.cancel().catch(() => undefined);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The signed size, after checking the declared Content-Length against it (a body without one is counted as it streams). */
function signedSize(contentLength: string | null, size: number | undefined): number {
  if (size === undefined) throw new AppError("FORBIDDEN", "This link is not valid.");
  if (contentLength !== null && Number(contentLength) !== size) {
    throw new AppError("BAD_REQUEST", `The upload is ${contentLength} bytes but ${size} were declared.`);
  }
  return size;
}

/**
 * Stores the bytes of a signed PUT, exactly as many as were signed, and returns their ETag. A valid signature is not
 * enough: the URL outlives the upload it was made for (a day), so the write lands only while that upload is still open
 * (admitUploadWrite), checked before a byte is read.
 */
export async function receiveSignedPut(put: SignedPut): Promise<{ etag: string }> {
  const { storage, claims } = authorizeSignedRequest({ url: put.url, route: put.route, method: "PUT", key: put.key });
  if (put.route === "objects") {
    // S3 signs Content-Type for these URLs; so do we.
    if ((put.contentType ?? "") !== claims.contentType) {
      throw new AppError("FORBIDDEN", "The Content-Type does not match the one this link was signed for.");
    }
    const size = signedSize(put.contentLength, claims.size);
    await admitUploadWrite({ route: "objects", key: put.key });
    return storage.receive(put.key, bodyStream(put.body), size);
  }
  if (!claims.uploadId || !claims.partNumber) throw new AppError("FORBIDDEN", "This link is not valid.");
  const size = signedSize(put.contentLength, claims.size);
  await admitUploadWrite({ route: "multipart", key: put.key, multipartUploadId: claims.uploadId });
  return storage.putPart(put.key, claims.uploadId, claims.partNumber, bodyStream(put.body), size);
}
