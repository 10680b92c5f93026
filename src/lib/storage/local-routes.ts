import "server-only";
import { Readable } from "node:stream";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { parseParams } from "@/lib/http/handler";
import { type ByteRange, contentDisposition } from "./driver";
import { getStorage } from "./index";
import { isValidKey } from "./keys";
import { isLocalStorage } from "./local";
import { type SignedRoute, type UrlClaims, claimsFromUrl } from "./signed-url";

/**
 * What the local driver's signed URLs do, for the route handlers under src/app/api/storage: the same protocol as S3
 * presigned URLs (PUT an object, PUT a part, GET or HEAD with Range), streamed between the request and the disk.
 */

// Keys never hold "%" (sanitizeFileName drops it), so a segment with one is still percent-encoded. An undecodable
// segment becomes empty, which no valid key has.
const decodeSegment = (segment: string) => {
  try {
    return segment.includes("%") ? decodeURIComponent(segment) : segment;
  } catch {
    return "";
  }
};
const keySchema = z.object({
  key: z
    .array(z.string())
    .min(1)
    .transform((segments) => segments.map(decodeSegment).join("/"))
    .refine(isValidKey),
});

/** The driver, the key and the signed claims of a request, or the error that refuses it (400, 404, 403). */
function authorize(request: Request, params: unknown, route: SignedRoute, method: UrlClaims["method"]) {
  const storage = getStorage();
  // The routes exist for the local driver only; with S3 the browser talks to the bucket.
  if (!isLocalStorage(storage)) throw new AppError("NOT_FOUND", "Not found.");
  const { key } = parseParams(params, keySchema);
  const { claims, signature } = claimsFromUrl(new URL(request.url), { method, route, key });
  const verdict = storage.verify(claims, signature);
  if (verdict === "expired") throw new AppError("FORBIDDEN", "This link has expired. Reload the page to get a new one.");
  if (verdict !== "ok") throw new AppError("FORBIDDEN", "This link is not valid.");
  return { storage, key, claims };
}

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
function signedSize(request: Request, size: number | undefined): number {
  if (size === undefined) throw new AppError("FORBIDDEN", "This link is not valid.");
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) !== size) {
    throw new AppError("BAD_REQUEST", `The upload is ${declared} bytes but ${size} were declared.`);
  }
  return size;
}

/**
 * A signed write the local routes are about to take. A valid signature is not enough: the URL outlives the upload it
 * was made for (a day), and only the owner of the upload decides whether that upload is still open.
 */
export type SignedWrite = { route: "objects"; key: string } | { route: "multipart"; key: string; multipartUploadId: string };
/** Throws (an AppError) to refuse the write; called after the signature check and before a byte is read. */
export type AdmitWrite = (write: SignedWrite) => Promise<void>;

const etagResponse = (etag: string) =>
  new Response(null, { status: 200, headers: { ETag: `"${etag}"`, "Cache-Control": "no-store" } });

export async function receiveObject(request: Request, params: unknown, admit: AdmitWrite): Promise<Response> {
  const { storage, key, claims } = authorize(request, params, "objects", "PUT");
  // S3 signs Content-Type for these URLs; so do we.
  if ((request.headers.get("content-type") ?? "") !== claims.contentType) {
    throw new AppError("FORBIDDEN", "The Content-Type does not match the one this link was signed for.");
  }
  const size = signedSize(request, claims.size);
  await admit({ route: "objects", key });
  const { etag } = await storage.receive(key, bodyStream(request.body), size);
  return etagResponse(etag);
}

export async function receivePart(request: Request, params: unknown, admit: AdmitWrite): Promise<Response> {
  const { storage, key, claims } = authorize(request, params, "multipart", "PUT");
  if (!claims.uploadId || !claims.partNumber) throw new AppError("FORBIDDEN", "This link is not valid.");
  const size = signedSize(request, claims.size);
  await admit({ route: "multipart", key, multipartUploadId: claims.uploadId });
  const { etag } = await storage.putPart(key, claims.uploadId, claims.partNumber, bodyStream(request.body), size);
  return etagResponse(etag);
}

/**
 * One `bytes=` range of an object of `size` bytes. Null means "send the whole object": no header, several ranges or a
 * malformed one (RFC 9110 lets a server ignore Range). "unsatisfiable" is a 416.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return "unsatisfiable";
  return end < start ? null : { start, end };
}

export async function serveObject(request: Request, params: unknown): Promise<Response> {
  const { storage, key, claims } = authorize(request, params, "objects", "GET");
  const info = await storage.head(key);
  if (!info) throw new AppError("NOT_FOUND", "This file does not exist.");

  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": claims.contentType ?? "application/octet-stream",
    "Cache-Control": "private, max-age=300",
    // A stored file is never a page of this app, even when a browser opens it.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (claims.disposition || claims.fileName) {
    headers.set("Content-Disposition", contentDisposition(claims.disposition ?? "inline", claims.fileName));
  }
  const range = parseRange(request.headers.get("range"), info.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${info.size}`);
    headers.set("Content-Type", "application/json");
    const error = { error: { code: "BAD_REQUEST", message: "The requested range is outside the file." } };
    return new Response(JSON.stringify(error), { status: 416, headers });
  }
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${info.size}`);
  // Next.js drops Content-Length from route handler responses and sends them chunked; Content-Range still gives the total.
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : info.size));
  const status = range ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });

  const { body } = await storage.read(key, range ?? undefined);
  return new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, { status, headers });
}
