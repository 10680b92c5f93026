import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { getStorage } from "@/lib/storage";
import { isValidKey } from "@/lib/storage/keys";
import { type LocalStorage, isLocalStorage } from "@/lib/storage/local";
import { type SignedRoute, type UrlClaims, claimsFromUrl } from "@/lib/storage/signed-url";

/**
 * What the local driver's signed URLs (src/app/api/storage/**) share: the key in their path and the check of their
 * signature. They speak the protocol of S3 presigned URLs (PUT an object, PUT a part, GET or HEAD with Range); the
 * signed URL is their authority, not a session. They live here, beside the upload sessions that decide whether a
 * write may still land, and not in lib/storage, which knows nothing of uploads.
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

/** The `[...key]` segments of a storage route, as one key; anything no driver would store is a 404. */
export const storageKeyParams = z.object({
  key: z
    .array(z.string())
    .min(1)
    .transform((segments) => segments.map(decodeSegment).join("/"))
    .refine(isValidKey),
});

/** The driver and the signed claims of a request, or the error that refuses it (404, 400, 403). */
export function authorizeSignedRequest(request: { url: string; route: SignedRoute; method: UrlClaims["method"]; key: string }): {
  storage: LocalStorage;
  claims: UrlClaims;
} {
  const storage = getStorage();
  // The routes exist for the local driver only; with S3 the browser talks to the bucket.
  if (!isLocalStorage(storage)) throw new AppError("NOT_FOUND", "Not found.");
  const { claims, signature } = claimsFromUrl(new URL(request.url), { method: request.method, route: request.route, key: request.key });
  const verdict = storage.verify(claims, signature);
  if (verdict === "expired") throw new AppError("FORBIDDEN", "This link has expired. Reload the page to get a new one.");
  if (verdict !== "ok") throw new AppError("FORBIDDEN", "This link is not valid.");
  return { storage, claims };
}
