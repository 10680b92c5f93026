import type { Connection } from "@/lib/db/connect";
import { JOB_NAMES } from "@/lib/jobs/names";
import type { MailJob, OutgoingMail } from "@/lib/mail/outgoing";
import { openSeal } from "@/lib/mail/seal";
import { waitingJobs } from "./test-database";

/** The mails waiting in the mail queue, oldest first, opened from their seals as the code that queued them wrote them. */
export async function queuedMails(connection: Connection): Promise<{ key: string; mail: OutgoingMail }[]> {
  const jobs = await waitingJobs<MailJob>(connection, JOB_NAMES.mailSend);
  return jobs.map((j) => ({ key: j.data.key, mail: openSeal<OutgoingMail>(j.data.sealed, j.data.key) }));
}
