import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { CLEAN, checkConsistency, describeConsistency, listStored } from "./consistency";
import { acknowledgedWrites, keepActing, lostWrites, newLearners } from "./learners";

/**
 * The server killed with SIGKILL while 50 learners complete lessons, save their place, take the course's quiz and ask
 * questions, on the embedded database: the PGlite inside the process dies in the middle of its writes. The server
 * starts again on the same folder (the stale lock of the dead process is taken over), every write it acknowledged is
 * there (completions, graded quiz submissions, questions), and progress, gradings and counters add up.
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
    // Half the learners start on the course's quiz, the others one lesson further on each; a question every 4 s.
    const learners = await newLearners(first.url, LEARNERS, courseId, "killed", { quizzes: true, questionEveryMs: 4_000 }, (i) =>
      i % 2 === 0 ? "quiz" : i,
    );

    let stop = false;
    const load = keepActing(learners, () => stop, 50);
    // At least 8 s of load, and until some quiz submissions are acknowledged (the kill then meets others half-way).
    const loadStarted = Date.now();
    await sleep(8_000);
    while (acknowledgedWrites(learners).attempts < 5 && Date.now() - loadStarted < 60_000) await sleep(250);
    const ackedBeforeKill = { ...acknowledgedWrites(learners), ms: Date.now() - loadStarted };
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));
    stop = true;
    await load;
    const outcomes = learners.flatMap((l) => l.outcomes);
    const unanswered = outcomes.filter((o) => o.status === 0).length;
    const errors = outcomes.filter((o) => o.status >= 500).length;
    const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500).map((o) => `${o.action} ${o.status}`);
    const acknowledged = acknowledgedWrites(learners);
    console.log(
      `[sigkill] ${outcomes.length} answers before the kill (${errors} 5xx), ${unanswered} requests cut by it; acknowledged: ` +
        `${acknowledged.completions} completions, ${acknowledged.attempts} quiz submissions, ${acknowledged.threads} questions ` +
        `(at the kill: ${JSON.stringify(ackedBeforeKill)}); 4xx: ${JSON.stringify(refused)}`,
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
    const lost = await lostWrites(query, learners);
    const consistency = await checkConsistency(query, listStored(path.join(dataDir, "storage")));
    await db.close();
    console.log(
      `[sigkill] acknowledged writes missing after the restart: completions ${lost.completions.length} of ` +
        `${acknowledged.completions}, quiz submissions ${lost.attempts.length} of ${acknowledged.attempts}, ` +
        `questions ${lost.threads.length} of ${acknowledged.threads}`,
    );
    console.log(`[sigkill] consistency: ${describeConsistency(consistency)}`);
    expect(acknowledged.completions).toBeGreaterThan(0);
    expect(acknowledged.attempts).toBeGreaterThan(0);
    expect(acknowledged.threads).toBeGreaterThan(0);
    expect(lost).toEqual({ completions: [], attempts: [], threads: [] });
    expect(consistency).toMatchObject(CLEAN);
  });
});
