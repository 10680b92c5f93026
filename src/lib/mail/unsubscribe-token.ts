import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";
import { NOTIFICATION_KIND_NAMES, type NotificationKind } from "@/lib/notifications/kinds";

/**
 * The token of a one-click unsubscribe link: a user and a kind of mail, signed (HMAC-SHA256, a key derived from
 * AUTH_SECRET). It does not expire: a mail's unsubscribe link works for as long as the mail is kept, and all it can do
 * is turn that one kind of mail off for that one user. The version lets a later format live beside this one.
 */

const VERSION = "1";
let cachedKey: Buffer | undefined;

function tokenKey(): Buffer {
  cachedKey ??= Buffer.from(hkdfSync("sha256", getAuthSecret(), "", "budhhub/unsubscribe/v1", 32));
  return cachedKey;
}

const mac = (userId: string, kind: string) => createHmac("sha256", tokenKey()).update(`${VERSION}\n${userId}\n${kind}`).digest();

export function unsubscribeToken(userId: string, kind: NotificationKind): string {
  return [VERSION, Buffer.from(userId, "utf8").toString("base64url"), kind, mac(userId, kind).toString("base64url")].join(".");
}

/** The user and kind a token names, or null when it is not one we made (changed, cut short, another version). */
export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  const [version, user, kind, signature, ...rest] = token.split(".");
  if (version !== VERSION || !user || !kind || !signature || rest.length > 0) return null;
  if (!(NOTIFICATION_KIND_NAMES as string[]).includes(kind)) return null;
  const userId = Buffer.from(user, "base64url").toString("utf8");
  const given = Buffer.from(signature, "base64url");
  const expected = mac(userId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
