import type { JobQueue, WorkerOptions } from "./queue";

/** The app's queues, by name: a name is stored with every job, so renaming one strands the jobs it holds. */
export const JOB_NAMES = {
  uploadSweep: "upload-sweep",
  mailSend: "mail",
  newLessonFanOut: "notify-new-lesson",
  digestHourly: "digest-hourly",
  digestDaily: "digest-daily",
  reminders: "reminders",
  certificateBackIssue: "certificate-back-issue",
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

/** Each queue's retry policy; the handlers below and defineQueues() share it. */
export const POLICIES: Record<string, WorkerOptions> = {
  // A sweep that fails is tried once more; the next one comes ten minutes later anyway.
  [JOB_NAMES.uploadSweep]: { retryLimit: 1, retryDelay: 60, expireInSeconds: 9 * 60 },
  // 5 tries, 30 s apart and doubling (30 s, 1, 2, 4 min, with jitter), then the dead-letter queue.
  [JOB_NAMES.mailSend]: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  [JOB_NAMES.newLessonFanOut]: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
  [JOB_NAMES.digestHourly]: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  [JOB_NAMES.digestDaily]: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 60 * 60 },
  [JOB_NAMES.reminders]: { retryLimit: 2, retryDelay: 120, retryBackoff: true, expireInSeconds: 30 * 60 },
  [JOB_NAMES.certificateBackIssue]: { policy: "stately", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
};

/** The schedules (cron, UTC): kept once in the database, each tick's job sent once however many instances run. */
export const SCHEDULES = [
  { name: JOB_NAMES.uploadSweep, cron: "*/10 * * * *", when: "every ten minutes", what: "Removes uploads that were never finished." },
  { name: JOB_NAMES.digestHourly, cron: "5 * * * *", when: "every hour", what: "Mails instructors the submissions waiting." },
  {
    name: JOB_NAMES.digestDaily,
    cron: "0 7 * * *",
    when: "every day at 07:00 UTC",
    what: "Mails the day's new lessons and new enrollments.",
  },
  { name: JOB_NAMES.reminders, cron: "20 * * * *", when: "every hour", what: "Reminds learners of assignments due and courses left." },
] as const;

/**
 * Creates every queue without working it: enough for a process that only enqueues (scripts, tests). A job sent to a
 * queue that does not exist would be lost (queue.ts refuses it).
 */
export async function defineQueues(queue: JobQueue): Promise<void> {
  for (const [name, policy] of Object.entries(POLICIES)) await queue.defineQueue(name, policy);
}
