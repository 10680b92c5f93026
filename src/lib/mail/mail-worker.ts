import "server-only";
import { and, eq } from "drizzle-orm";
import { env } from "@/env";
import { db } from "@/lib/db/client";
import { mailDeliveries, notificationPreferences } from "@/lib/db/schema";
import { JOB_NAMES, POLICIES } from "@/lib/jobs/names";
import type { JobQueue, WorkerOptions } from "@/lib/jobs/queue";
import { log } from "@/lib/log/logger";
import { sendMail } from "./mailer";
import { keyPart, MAIL_QUEUE, type MailJob, type OutgoingMail } from "./outgoing";
import { renderMail } from "./render-mail";
import { openSeal } from "./seal";

/** The Message-ID of every try of one message: a receiver that sees it twice can drop the second. */
export const messageIdOf = (key: string) => `<${keyPart(key)}@${new URL(env.appUrl).hostname}>`;

export type DeliveryOutcome = "sent" | "sent before" | "turned off";

/**
 * One mail job: nothing when its key is in mail_deliveries (a try that sent and then died before the job was
 * acknowledged); nothing when the user has turned the kind off since it was queued; otherwise render, send, record the
 * key, and the queue acknowledges the job. A crash between the send and the record can still send twice: the
 * Message-ID, derived from the key, lets the receiver drop that one.
 */
export async function deliverMail(job: MailJob): Promise<DeliveryOutcome> {
  const logger = log("MAIL");
  const [sent] = await db.select({ key: mailDeliveries.key }).from(mailDeliveries).where(eq(mailDeliveries.key, job.key));
  if (sent) {
    logger.info({ key: job.key, template: job.template }, "mail sent before: not sent again");
    return "sent before";
  }
  const mail = openSeal<OutgoingMail>(job.sealed, job.key);
  if (mail.unsubscribe && (await turnedOff(mail.unsubscribe))) {
    logger.info({ key: job.key, template: job.template }, "mail turned off by its user since it was queued: not sent");
    return "turned off";
  }
  const messageId = messageIdOf(job.key);
  await sendMail({ ...(await renderMail(mail)), messageId });
  await db.insert(mailDeliveries).values({ key: job.key, messageId }).onConflictDoNothing();
  return "sent";
}

async function turnedOff({ userId, kind }: NonNullable<OutgoingMail["unsubscribe"]>): Promise<boolean> {
  const [row] = await db
    .select({ enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(
      and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind), eq(notificationPreferences.channel, "email")),
    );
  return row?.enabled === false;
}

/** Defines the mail queue and works it; `overrides` let a test retry at once. */
export async function registerMailWorker(queue: JobQueue, overrides: WorkerOptions = {}): Promise<void> {
  await queue.registerWorker<MailJob>(MAIL_QUEUE, async (job) => void (await deliverMail(job)), {
    ...POLICIES[JOB_NAMES.mailSend],
    ...overrides,
  });
}
