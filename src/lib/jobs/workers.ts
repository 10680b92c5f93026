import "server-only";
import { registerMailWorker } from "@/lib/mail/mail-worker";
import { sweepUploads } from "@/lib/uploads/sweep-uploads";
import type { JobQueue } from "./queue";

/** The queues of the app, by name: a name is stored with every job, so renaming one strands the jobs it holds. */
export const JOB_NAMES = { uploadSweep: "upload-sweep" } as const;

/**
 * Defines every queue, starts a worker on each and puts the schedules in place. Every instance does it: a schedule is
 * kept once in the database, and pg-boss sends each tick's job once however many instances check it.
 */
export async function registerWorkers(queue: JobQueue): Promise<void> {
  await registerMailWorker(queue);
  // A sweep that fails is tried once more; the next one comes ten minutes later anyway.
  await queue.registerWorker(JOB_NAMES.uploadSweep, async () => void (await sweepUploads()), {
    retryLimit: 1,
    retryDelay: 60,
    expireInSeconds: 9 * 60,
  });
  await queue.schedule(JOB_NAMES.uploadSweep, "*/10 * * * *");
}
