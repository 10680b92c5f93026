import "server-only";
import { getStorage } from "@/lib/storage";

const THUMBNAIL_URL_SECONDS = 6 * 60 * 60;

/** Thumbnails are private objects: pages show them through a signed URL, computed locally (no storage round trip). */
export async function thumbnailUrlFor(key: string | null): Promise<string | null> {
  if (!key) return null;
  return getStorage().signGet(key, { expiresInSeconds: THUMBNAIL_URL_SECONDS, disposition: "inline" });
}
