import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { type ByteRange, contentDisposition } from "@/lib/storage/driver";
import { authorizeSignedRequest } from "./signed-storage-request";

/** What a signed GET or HEAD of the local driver is to answer with. */
export type SignedObject = {
  /** The type the URL was signed with. */
  contentType: string;
  /** The Content-Disposition the URL was signed with, or null for none. */
  contentDisposition: string | null;
  /** The whole object's size. */
  size: number;
  /** The one range asked for; null for the whole object; "unsatisfiable" is a 416. */
  range: ByteRange | null | "unsatisfiable";
  /** The bytes of the range (or of the whole object), opened only when called: a HEAD sends none. */
  read: () => Promise<ReadableStream<Uint8Array>>;
};

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

/** The stored object a signed GET (or HEAD) URL names, with the Range header it came with. */
export async function openSignedObject(get: { url: string; key: string; range: string | null }): Promise<SignedObject> {
  const { storage, claims } = authorizeSignedRequest({ url: get.url, route: "objects", method: "GET", key: get.key });
  const info = await storage.head(get.key);
  if (!info) throw new AppError("NOT_FOUND", "This file does not exist.");
  const range = parseRange(get.range, info.size);
  return {
    contentType: claims.contentType ?? "application/octet-stream",
    contentDisposition: claims.disposition || claims.fileName ? contentDisposition(claims.disposition ?? "inline", claims.fileName) : null,
    size: info.size,
    range,
    read: async () => {
      const { body } = await storage.read(get.key, range && range !== "unsatisfiable" ? range : undefined);
      return Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>;
    },
  };
}
