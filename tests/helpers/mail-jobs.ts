import type { Connection } from "@/lib/db/connect";
import { JOB_NAMES } from "@/lib/jobs/names";
import type { OutgoingMail } from "@/lib/mail/outgoing";
import { waitingJobs } from "./test-database";

/** The mails waiting in the mail queue, oldest first, as the code that queued them wrote them. */
export async function queuedMails(connection: Connection): Promise<{ key: string; mail: OutgoingMail }[]> {
  const jobs = await waitingJobs<{ key: string; mail: OutgoingMail }>(connection, JOB_NAMES.mailSend);
  return jobs.map((j) => j.data);
}
