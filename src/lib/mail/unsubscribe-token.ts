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
const keys = new Map<string, Buffer>();

function tokenKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = Buffer.from(hkdfSync("sha256", secret, "", "budhhub/unsubscribe/v1", 32))));
  return key;
}

const mac = (secret: string, userId: string, kind: string) =>
  createHmac("sha256", tokenKey(secret)).update(`${VERSION}\n${userId}\n${kind}`).digest();

/** The token under a given secret: the app's is AUTH_SECRET; the API tests read the test server's. */
export function signUnsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return [VERSION, Buffer.from(userId, "utf8").toString("base64url"), kind, mac(secret, userId, kind).toString("base64url")].join(".");
}

export const unsubscribeToken = (userId: string, kind: NotificationKind) => signUnsubscribeToken(getAuthSecret(), userId, kind);

/** The user and kind a token names, or null when it is not one we made (changed, cut short, another version). */
export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  const [version, user, kind, signature, ...rest] = token.split(".");
  if (version !== VERSION || !user || !kind || !signature || rest.length > 0) return null;
  if (!(NOTIFICATION_KIND_NAMES as string[]).includes(kind)) return null;
  const userId = Buffer.from(user, "base64url").toString("utf8");
  const given = Buffer.from(signature, "base64url");
  const expected = mac(getAuthSecret(), userId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
