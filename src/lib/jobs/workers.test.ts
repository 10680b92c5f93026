import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { files, insertCourseTree } from "../../../tests/helpers/upload-fixtures";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { uploadSessions } from "@/lib/db/schema";
import { startUpload } from "@/lib/uploads";
import { JobQueue } from "./queue";
import { JOB_NAMES, registerWorkers } from "./workers";

const database = withTestDatabase();
withTestStorage();

let queue: JobQueue | undefined;
afterEach(async () => {
  await queue?.stop({ timeoutMs: 1000 });
  queue = undefined;
});

const statusOf = async (id: string) => (await db.select().from(uploadSessions).where(eq(uploadSessions.id, id)))[0]!.status;

describe("the app's workers", () => {
  it("schedule the upload sweep every ten minutes, the digests hourly and daily, the reminders hourly; a sweep job sweeps", async () => {
    // Without the timekeeper, so that the schedule cannot fire a sweep in the middle of the test.
    queue = new JobQueue(database.connection!, { supervise: false });
    await registerWorkers(queue);
    const schedules = await queue.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone]).sort()).toEqual(
      [
        [JOB_NAMES.uploadSweep, "*/10 * * * *", "UTC"],
        [JOB_NAMES.digestHourly, "5 * * * *", "UTC"],
        [JOB_NAMES.digestDaily, "0 7 * * *", "UTC"],
        [JOB_NAMES.reminders, "20 * * * *", "UTC"],
      ].sort(),
    );

    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const { courseId } = await insertCourseTree(instructor.id);
    const upload = await startUpload(instructor, "material", {
      courseId,
      fileName: "a.pdf",
      contentType: "application/pdf",
      size: files.pdf.length,
    });
    // Starting an upload no longer sweeps on the side: only the job does.
    await db
      .update(uploadSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(uploadSessions.id, upload.uploadId));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await statusOf(upload.uploadId)).toBe("pending");

    const jobId = (await queue.enqueue(JOB_NAMES.uploadSweep, {}))!;
    for (let i = 0; i < 50 && (await queue.boss.getJobById(JOB_NAMES.uploadSweep, jobId))?.state !== "completed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await statusOf(upload.uploadId)).toBe("aborted");
  });
});
