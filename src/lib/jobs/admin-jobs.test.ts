import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { countJobsByQueue, listJobs, retryJob } from "./admin-jobs";
import { JobQueue, setJobQueue } from "./queue";

const database = withTestDatabase();

let queue: JobQueue;
beforeAll(() => {
  queue = new JobQueue(database.connection!, { supervise: false });
  setJobQueue(queue);
});
afterAll(async () => {
  await queue.stop({ timeoutMs: 1000 });
  setJobQueue(undefined);
});

async function waitFor(what: string, probe: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the admin view of the job queue", () => {
  it("counts and lists failed and dead jobs; an admin retries a failed one, which runs again; others are refused", async () => {
    const name = `admin-${randomUUID().slice(0, 8)}`;
    let tries = 0;
    let healed = false;
    await queue.registerWorker(
      name,
      async () => {
        tries += 1;
        if (!healed) throw new Error("storage is down");
      },
      { retryLimit: 0 },
    );
    const jobId = (await queue.enqueue(name, { upload: "u1" }))!;
    await waitFor("the job to fail", async () => (await queue.boss.getJobById(name, jobId))?.state === "failed");
    const admin = await insertUser({ role: "ADMIN" });
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    await waitFor("the dead letter", async () => (await countJobsByQueue(admin)).some((q) => q.name === name && q.dead === 1));

    expect((await countJobsByQueue(admin)).find((q) => q.name === name)).toEqual({ name, queued: 0, active: 0, failed: 1, dead: 1 });
    const failed = await listJobs(admin, { state: "failed", page: 1 });
    expect(failed.jobs).toContainEqual(
      expect.objectContaining({ id: jobId, queue: name, error: "storage is down", retryable: true, tries: 1 }),
    );
    const dead = await listJobs(admin, { state: "dead", page: 1 });
    expect(dead.jobs).toContainEqual(expect.objectContaining({ queue: `${name}.dead`, error: "storage is down", retryable: false }));

    expect((await refusal(retryJob(instructor, jobId))).code).toBe("FORBIDDEN");
    expect((await refusal(retryJob(null, jobId))).code).toBe("UNAUTHORIZED");
    expect((await refusal(retryJob(admin, randomUUID()))).code).toBe("NOT_FOUND");
    expect((await refusal(retryJob(admin, dead.jobs[0]!.id))).code).toBe("CONFLICT");

    healed = true;
    expect(await retryJob(admin, jobId)).toEqual({ id: jobId, queue: name, state: "retry" });
    await waitFor("the retried job to complete", async () => (await queue.boss.getJobById(name, jobId))?.state === "completed");
    expect(tries).toBe(2);
    expect((await countJobsByQueue(admin)).find((q) => q.name === name)).toEqual({ name, queued: 0, active: 0, failed: 0, dead: 0 });
    expect((await refusal(retryJob(admin, jobId))).code).toBe("CONFLICT");
    expect((await refusal(countJobsByQueue(instructor))).code).toBe("FORBIDDEN");
    expect((await refusal(listJobs(instructor, { state: "failed", page: 1 }))).code).toBe("FORBIDDEN");
  });
});
