import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { type Disposition, MAX_PARTS } from "./driver";

/**
 * The local driver's answer to S3 presigned URLs: app URLs whose query carries what the request may do and an
 * HMAC-SHA256 over all of it. Nothing is stored per URL, so any instance that shares the secret can check one.
 */

export type SignedRoute = "objects" | "multipart";

/** Everything a signature binds. A GET URL also serves HEAD; every other method needs its own signature. */
export type UrlClaims = {
  method: "GET" | "PUT";
  route: SignedRoute;
  key: string;
  /** Unix seconds. */
  expires: number;
  size?: number;
  contentType?: string;
  uploadId?: string;
  partNumber?: number;
  disposition?: Disposition;
  fileName?: string;
};

export type Verdict = "ok" | "invalid" | "expired";

/** A key of its own for storage URLs, so that a signature made here can never pass as a session token or vice versa. */
export function signedUrlSecret(authSecret: string): Buffer {
  return createHmac("sha256", authSecret).update("budhhub/storage-url/v1").digest();
}

// A JSON array: no field can spill into the next, whatever characters a file name holds.
const canonical = (c: UrlClaims) =>
  JSON.stringify([
    "v1",
    c.method,
    c.route,
    c.key,
    c.expires,
    c.size ?? null,
    c.contentType ?? null,
    c.uploadId ?? null,
    c.partNumber ?? null,
    c.disposition ?? null,
    c.fileName ?? null,
  ]);

export function signClaims(secret: Buffer, claims: UrlClaims): string {
  return createHmac("sha256", secret).update(canonical(claims)).digest("base64url");
}

/** Checks the signature first, so that a forged expiry reads as "invalid" and only a genuine old URL as "expired". */
export function verifyClaims(secret: Buffer, claims: UrlClaims, signature: string, now = Date.now()): Verdict {
  const expected = Buffer.from(signClaims(secret, claims));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return claims.expires * 1000 <= now ? "expired" : "ok";
}

export const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;

/** The path a key takes in an app URL: each segment percent-encoded, the slashes kept. */
export const encodeKeyPath = (key: string) => key.split("/").map(encodeURIComponent).join("/");

export function signedUrl(baseUrl: string, secret: Buffer, claims: UrlClaims): string {
  const url = new URL(`/api/storage/${claims.route}/${encodeKeyPath(claims.key)}`, baseUrl);
  const query: Record<string, string | number | undefined> = {
    expires: claims.expires,
    size: claims.size,
    type: claims.contentType,
    uploadId: claims.uploadId,
    partNumber: claims.partNumber,
    disposition: claims.disposition,
    filename: claims.fileName,
  };
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  url.searchParams.set("signature", signClaims(secret, claims));
  return url.toString();
}

const signedQuery = z.object({
  expires: z.coerce.number().int().positive(),
  size: z.coerce.number().int().nonnegative().optional(),
  type: z.string().min(1).max(255).optional(),
  uploadId: z.string().regex(UPLOAD_ID_PATTERN).optional(),
  partNumber: z.coerce.number().int().min(1).max(MAX_PARTS).optional(),
  disposition: z.enum(["inline", "attachment"]).optional(),
  filename: z.string().min(1).max(255).optional(),
  signature: z.string().min(1).max(128),
});

/** The claims a request presents, read from its query (a malformed query is a ZodError, answered 400). */
export function claimsFromUrl(
  url: URL,
  request: { method: UrlClaims["method"]; route: SignedRoute; key: string },
): { claims: UrlClaims; signature: string } {
  const q = signedQuery.parse(Object.fromEntries(url.searchParams));
  return {
    claims: {
      ...request,
      expires: q.expires,
      size: q.size,
      contentType: q.type,
      uploadId: q.uploadId,
      partNumber: q.partNumber,
      disposition: q.disposition,
      fileName: q.filename,
    },
    signature: q.signature,
  };
}
