import "server-only";
import { backIssueCertificates } from "@/lib/certificates/issue-certificates";
import { sendDigests } from "@/lib/notifications/digests";
import { fanOutNewLesson, type NewLessonFanOut } from "@/lib/notifications/fan-out";
import { registerMailWorker } from "@/lib/mail/mail-worker";
import { sendReminders } from "@/lib/notifications/reminders";
import { sweepUploads } from "@/lib/uploads/sweep-uploads";
import { JOB_NAMES, POLICIES, SCHEDULES } from "./names";
import type { JobQueue } from "./queue";

export { JOB_NAMES, defineQueues } from "./names";

/**
 * Defines every queue, starts a worker on each and puts the schedules in place. Every instance does it: a schedule is
 * kept once in the database, and pg-boss sends each tick's job once however many instances check it.
 */
export async function registerWorkers(queue: JobQueue): Promise<void> {
  const work = <T extends object>(name: string, handler: (data: T) => Promise<unknown>) =>
    queue.registerWorker<T>(name, async (data) => void (await handler(data)), POLICIES[name]);
  await work(JOB_NAMES.uploadSweep, () => sweepUploads());
  await work<NewLessonFanOut>(JOB_NAMES.newLessonFanOut, (data) => fanOutNewLesson(data));
  await work(JOB_NAMES.digestHourly, () => sendDigests("hourly"));
  await work(JOB_NAMES.digestDaily, () => sendDigests("daily"));
  await work(JOB_NAMES.reminders, () => sendReminders());
  await work<{ courseId: string }>(JOB_NAMES.certificateBackIssue, (data) => backIssueCertificates(data.courseId));
  await registerMailWorker(queue);
  for (const s of SCHEDULES) await queue.schedule(s.name, s.cron);
}
