import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { checkConsistency, describeConsistency, listStored } from "./consistency";
import { keepActing, newLearners } from "./learners";

/**
 * The server killed with SIGKILL while 50 learners complete lessons and save their place, on the embedded database:
 * the PGlite inside the process dies in the middle of its writes. The server starts again on the same folder (the stale
 * lock of the dead process is taken over), every write it acknowledged is there, and progress adds up.
 */

const LEARNERS = 50;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fault-sigkill-"));
const servers: AppServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SIGKILL under load on the embedded database", { timeout: 900_000 }, () => {
  it("restarts with every acknowledged write there and progress consistent", async () => {
    const first = await startApp({ DATA_DIR: dataDir });
    servers.push(first);
    const catalog = (await new ApiClient(first.url).get("/api/courses")).json<{ courses: { id: string }[] }>();
    const courseId = catalog.courses[0]!.id;
    const learners = await newLearners(first.url, LEARNERS, courseId, "killed");

    let stop = false;
    const load = keepActing(learners, () => stop, 50);
    await sleep(8_000);
    const ackedBeforeKill = learners.reduce((n, l) => n + l.acknowledged.length, 0);
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));
    stop = true;
    await load;
    const outcomes = learners.flatMap((l) => l.outcomes);
    const unanswered = outcomes.filter((o) => o.status === 0).length;
    const errors = outcomes.filter((o) => o.status >= 500).length;
    const acknowledged = learners.flatMap((l) => l.acknowledged.map((a) => ({ ...a, email: l.email })));
    console.log(
      `[sigkill] ${outcomes.length} answers before the kill (${errors} 5xx), ${unanswered} requests cut by it; ` +
        `${acknowledged.length} completions acknowledged (${ackedBeforeKill} by 8 s)`,
    );
    expect(errors).toBe(0);

    const started = Date.now();
    const second = await startApp({ DATA_DIR: dataDir });
    servers.push(second);
    console.log(`[sigkill] restarted on the same folder in ${Date.now() - started} ms`);
    // The learners' sessions still work, and their progress reads back.
    for (const learner of learners.slice(0, 5)) {
      const again = new ApiClient(second.url, learner.client.ip);
      again.setCookie("authjs.session-token", learner.client.sessionToken!);
      expect((await again.get(`/api/my-courses/${courseId}`)).status).toBe(200);
    }
    await second.stop();

    const db = new PGlite(path.join(dataDir, "pglite"));
    const query = async (text: string) => (await db.query<Record<string, unknown>>(text)).rows;
    const rows = await query(`
      select u.email, e.course_id, lp.lesson_id from lesson_progress lp
      join enrollments e on e.id = lp.enrollment_id join users u on u.id = e.learner_id where lp.completed`);
    const completed = new Set(rows.map((r) => `${String(r.email)}/${String(r.course_id)}/${String(r.lesson_id)}`));
    const lost = acknowledged.filter((a) => !completed.has(`${a.email}/${a.courseId}/${a.lessonId}`));
    const consistency = await checkConsistency(query, listStored(path.join(dataDir, "storage")));
    await db.close();
    console.log(`[sigkill] acknowledged completions missing after the restart: ${lost.length} of ${acknowledged.length}`);
    console.log(`[sigkill] consistency: ${describeConsistency(consistency)}`);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(consistency).toMatchObject({ progressMismatches: [], missingObjects: [], unreferencedObjects: [], failedJobs: [] });
  });
});
