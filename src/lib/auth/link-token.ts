import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** The secret of a mailed link (reset, verification, address change): 32 random bytes, base64url. Only its SHA-256 is stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
