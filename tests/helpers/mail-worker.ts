import { afterAll, beforeAll } from "vitest";
import { defineQueues } from "@/lib/jobs/names";
import { JobQueue, setJobQueue } from "@/lib/jobs/queue";
import type { Connection } from "@/lib/db/connect";
import { registerMailWorker } from "@/lib/mail/mail-worker";
import { MAIL_QUEUE } from "@/lib/mail/outgoing";

export type MailWorker = {
  queue: () => JobQueue;
  /** Waits until every queued mail has been sent (or has failed for good). */
  drain: (timeoutMs?: number) => Promise<void>;
};

/**
 * Call after withTestDatabase(): the file gets a job queue on its test database, installed as the app's, with the mail
 * worker running (a failed try is retried after a second, not 30), as the server runs it. Lib functions queue mail;
 * `drain()` waits for the worker to have sent it (to the outbox, or to the SMTP server a test sets).
 */
export function withMailWorker(database: { connection?: Connection }, { start = true }: { start?: boolean } = {}): MailWorker {
  let queue: JobQueue | undefined;
  beforeAll(async () => {
    queue = new JobQueue(database.connection!, { supervise: false });
    await defineQueues(queue);
    setJobQueue(queue);
    if (start) await registerMailWorker(queue, { retryDelay: 1, retryBackoff: false });
    else await queue.defineQueue(MAIL_QUEUE, { retryDelay: 1, retryBackoff: false });
  });
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    setJobQueue(undefined);
  });
  return {
    queue: () => queue!,
    async drain(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await queue!.boss.getQueueSize(MAIL_QUEUE, { before: "completed" })) > 0) {
        if (Date.now() > deadline) throw new Error(`Mail still queued after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
