import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, DEMO_ADMIN, DEMO_PASSWORD } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { sendUpload } from "../helpers/authoring";
import { buildCourse } from "../helpers/learning-fixtures";
import { solidPng } from "../helpers/png";
import { checkConsistency, describeConsistency, listStored } from "./consistency";

/**
 * The server killed with SIGKILL at each step of an upload's completion (FAULT_INJECTION), on the embedded database:
 * after the file is placed but before the claim, inside the claim-and-attach transaction, and after the commit but
 * before the replaced thumbnail is deleted. Restarted, the learner's retry of the same completion either finishes it
 * or finds it finished; nothing points at a missing file, and what the kill left behind goes at the sweeper's next run.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fault-upload-"));
const storageDir = path.join(dataDir, "storage");
const servers: AppServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const start = async (env: Record<string, string> = {}) => {
  const server = await startApp({ DATA_DIR: dataDir, ...env });
  servers.push(server);
  return server;
};

async function signedIn(base: string, email = "ada@budhhub.test") {
  const client = new ApiClient(base);
  const response = await client.signIn(email, DEMO_PASSWORD);
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${response.text}`);
  return client;
}

async function withDatabase<T>(fn: (query: (text: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const db = new PGlite(path.join(dataDir, "pglite"));
  try {
    return await fn(async (text) => (await db.query<Record<string, unknown>>(text)).rows);
  } finally {
    await db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SIGKILL at each step of an upload's completion", { timeout: 900_000 }, () => {
  it("restarts consistent; the retry completes it or finds it complete; the sweeper removes what was left", async () => {
    const first = await start();
    const course = await buildCourse(await signedIn(first.url), { title: "Killed uploads", lessons: 1, thumbnail: true, publish: false });
    await first.stop();

    const steps = [
      { point: "upload:before-claim", retry: 200 },
      { point: "upload:after-claim", retry: 200 },
      { point: "upload:before-delete-replaced", retry: 409 },
    ] as const;
    for (const [i, { point, retry }] of steps.entries()) {
      const png = solidPng(64, 36, [40 * i, 120, 200]);
      const faulty = await start({ FAULT_INJECTION: point });
      const ada = await signedIn(faulty.url);
      const upload = await sendUpload(ada, "thumbnail", { courseId: course.courseId }, png, {
        fileName: `cover-${i}.png`,
        contentType: "image/png",
      });
      const exited = new Promise((resolve) => faulty.process.once("exit", (_code, signal) => resolve(signal)));
      const cut = await ada.post("/api/upload/thumbnail/complete", { uploadId: upload.uploadId }).then(
        (r) => r.status,
        (error: unknown) => String(error),
      );
      expect(cut).toMatch(/fetch failed|socket/);
      expect(await exited).toBe("SIGKILL");

      const after = await start();
      const again = await signedIn(after.url);
      const retried = await again.post("/api/upload/thumbnail/complete", { uploadId: upload.uploadId });
      console.log(`[upload-kill] ${point}: the completion's request got no answer; the retry after the restart answered ${retried.status}`);
      expect(retried.status, retried.text).toBe(retry);
      // The course shows the new picture, whichever answered.
      const image = await fetch(`${after.url}/api/courses/${course.courseId}/image`, {
        headers: { cookie: `authjs.session-token=${again.sessionToken}` },
      });
      expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
      await after.stop();
      const consistency = await withDatabase((query) => checkConsistency(query, listStored(storageDir)));
      console.log(`[upload-kill] ${point}: ${describeConsistency(consistency)}`);
      expect(consistency).toMatchObject({ progressMismatches: [], missingObjects: [], failedJobs: [] });
    }

    // Left behind: the thumbnail replaced by a completion killed before it deleted it, and that upload's staging object.
    // The sweeper removes a replaced file an hour after its upload completed and a staging object once its signed URLs
    // have expired; the sessions' times are moved back so that its next run is that late.
    const left = await withDatabase(async (query) => {
      await query(
        `update upload_sessions set completed_at = completed_at - interval '2 hours', expires_at = least(expires_at, now() - interval '1 minute')
         where status = 'completed'`,
      );
      return (await checkConsistency(query, listStored(storageDir))).unreferencedObjects;
    });
    console.log(`[upload-kill] unreferenced before the sweep: ${left.length} (${left.join(", ")})`);
    const last = await start();
    const admin = await signedIn(last.url, DEMO_ADMIN);
    expect((await admin.post("/api/admin/jobs/run", { queue: "upload-sweep" })).status).toBe(202);
    const deadline = Date.now() + 60_000;
    while (left.some((key) => fs.existsSync(path.join(storageDir, key))) && Date.now() < deadline) await sleep(500);
    await last.stop();
    const swept = await withDatabase((query) => checkConsistency(query, listStored(storageDir)));
    console.log(`[upload-kill] after the sweeper's run: ${describeConsistency(swept)}`);
    expect(swept).toMatchObject({ progressMismatches: [], missingObjects: [], unreferencedObjects: [], failedJobs: [] });
  });
});
