import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * What a mail job carries holds links with one-time tokens: it is sealed (AES-256-GCM, a key derived from AUTH_SECRET by
 * HKDF) so that the job table, its archive and /admin/jobs never hold a usable link. The job's idempotency key is the
 * associated data: a sealed mail opens only under the key it was queued with. A job sealed before AUTH_SECRET changed
 * no longer opens: it fails its tries and lands in the dead-letter queue.
 */

const VERSION = "v1";
let cachedKey: Buffer | undefined;

function sealKey(): Buffer {
  cachedKey ??= Buffer.from(hkdfSync("sha256", getAuthSecret(), "", "budhhub/mail-seal/v1", 32));
  return cachedKey;
}

export function seal(value: unknown, associated: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(), iv);
  cipher.setAAD(Buffer.from(associated, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function openSeal<T>(sealed: string, associated: string): T {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) throw new Error("Not a sealed mail of this version.");
  const bytes = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", sealKey(), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(associated, "utf8"));
  decipher.setAuthTag(bytes.subarray(12, 28));
  // A wrong key, a changed byte or another job's key: final() throws ("unable to authenticate data").
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
}
