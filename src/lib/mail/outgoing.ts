import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import type { Transaction } from "@/lib/db/client";
import { JOB_NAMES } from "@/lib/jobs/names";
import { getJobQueue } from "@/lib/jobs/queue";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { seal } from "./seal";
import type { MailProps, MailTemplateName } from "./templates";

/**
 * Every mail goes through the job queue: a request (or a job) only queues it, in its own transaction when it has one,
 * and the mail worker (./mail-worker.ts) renders and sends it, retried with backoff. The key names the message once: a
 * retried job whose mail went out already sends nothing (mail_deliveries), and the Message-ID comes from it.
 */

export const MAIL_QUEUE = JOB_NAMES.mailSend;

export type OutgoingMail = {
  [T in MailTemplateName]: {
    to: string;
    template: T;
    props: MailProps<T>;
    /**
     * Mail a user may turn off: it gets a List-Unsubscribe header (RFC 8058 one-click) and a footer line, and the worker
     * sends nothing once the user has turned the kind off. Mail about the account's security or access has none.
     */
    unsubscribe?: { userId: string; kind: NotificationKind };
  };
}[MailTemplateName];

/** What a mail job holds: the key and template readable (for /admin/jobs and the log), the rest sealed. */
export type MailJob = { key: string; template: MailTemplateName; sealed: string };

const MAX_KEY_LENGTH = 200;

/**
 * A key's part made from a secret (a link's token, a link): a digest that is neither the secret nor the SHA-256 kept in
 * the tables, so the readable key gives nothing away.
 */
export const keyPart = (secret: string) => createHash("sha256").update(`budhhub/mail-key\n${secret}`).digest("base64url").slice(0, 32);

function job({ mail, key }: { mail: OutgoingMail; key: string }): { data: MailJob } {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new Error(`A mail key is 1 to ${MAX_KEY_LENGTH} characters: ${key.slice(0, 80)}`);
  return { data: { key, template: mail.template, sealed: seal(mail, key) } };
}

const muted = new AsyncLocalStorage<true>();

/** Runs fn with no mail queued by anything it calls (the demo data: its notifications stay in the app). */
export const withoutMail = <T>(fn: () => Promise<T>): Promise<T> => muted.run(true, fn);

/** Queues one mail; inside a transaction pass `tx`, and the mail goes out only if it commits. */
export async function queueMail(mail: OutgoingMail, { tx, key }: { tx?: Transaction; key: string }): Promise<void> {
  if (muted.getStore()) return;
  await getJobQueue().enqueueMany(MAIL_QUEUE, [job({ mail, key })], { tx });
}

/** Queues many mails with a few statements (500 jobs each): digests and reminders to thousands of users. */
export async function queueMails(items: { mail: OutgoingMail; key: string }[], { tx }: { tx?: Transaction } = {}): Promise<void> {
  if (muted.getStore()) return;
  await getJobQueue().enqueueMany(MAIL_QUEUE, items.map(job), { tx });
}
