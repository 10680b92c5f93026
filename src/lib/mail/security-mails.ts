import "server-only";
import { env } from "@/env";
import type { Transaction } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/schema";
import { queueMail } from "./outgoing";

/**
 * Mail about the account's security (the locked kinds: password_changed, email_changed, account_disabled, role_changed):
 * queued in the transaction of the change, never turned off, so no preference check and no List-Unsubscribe. The key
 * names the change that causes the mail. (email_changed goes out from confirmEmailChange, with the old address.)
 */

const appLink = (path: string) => new URL(path, env.appUrl).toString();

export function queuePasswordChangedMail(tx: Transaction, to: string, key: string): Promise<void> {
  return queueMail(
    { to, template: "passwordChanged", props: { reset: appLink("/forgot-password") } },
    { tx, key: `password-changed:${key}` },
  );
}

export function queueAccountDisabledMail(tx: Transaction, to: string, key: string): Promise<void> {
  return queueMail({ to, template: "accountDisabled", props: {} }, { tx, key: `account-disabled:${key}` });
}

export function queueRoleChangedMail(tx: Transaction, to: string, role: UserRole, key: string): Promise<void> {
  return queueMail({ to, template: "roleChanged", props: { role, dashboard: appLink("/dashboard") } }, { tx, key: `role-changed:${key}` });
}
