import fs from "node:fs";
import path from "node:path";
import { signUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { testDataDir } from "./base-url";

/**
 * The token of a mail's unsubscribe link for this user and kind, as the app under test makes it: under the secret it
 * generated in its data folder (tests/run-with-server.ts starts it without AUTH_SECRET).
 */
export function unsubscribeTokenFor(userId: string, kind: NotificationKind): string {
  const secret = fs.readFileSync(path.join(testDataDir(), "auth-secret"), "utf8").trim();
  return signUnsubscribeToken(secret, userId, kind);
}
