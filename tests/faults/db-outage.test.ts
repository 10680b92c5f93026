import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/http/service-unavailable";
import { ApiClient } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { checkConsistency, describeConsistency, listStored } from "./consistency";
import { keepActing, Learner, type Outcome } from "./learners";
import { startPgCluster, type PgCluster } from "./pg-cluster";

/**
 * The PostgreSQL server stopped for 20 seconds under light load (five learners), then started again: answers in the
 * outage are 503 with Retry-After and a plain message, never a 500 or a stack; the server recovers by itself; every
 * completion it acknowledged is a row, and every enrollment's progress matches its lessons.
 */

const OUTAGE_MS = 20_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fault-outage-"));
let cluster: PgCluster | undefined;
let server: AppServer | undefined;
afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function summary(outcomes: Outcome[]) {
  const byStatus: Record<string, number> = {};
  for (const o of outcomes) byStatus[`${o.action} ${o.status}`] = (byStatus[`${o.action} ${o.status}`] ?? 0) + 1;
  return byStatus;
}

describe("the database server goes away for 20 seconds", { timeout: 600_000 }, () => {
  it("answers 503 with Retry-After meanwhile, writes nothing half-way and recovers by itself", async () => {
    cluster = await startPgCluster();
    const admin = new Client({ connectionString: cluster.url });
    await admin.connect();
    const name = `budhhub_outage_${randomBytes(4).toString("hex")}`;
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    server = await startApp({ DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("base64"), DATA_DIR: dataDir });

    const catalog = (await new ApiClient(server.url).get("/api/courses")).json<{ courses: { id: string; title: string }[] }>();
    const courseId = catalog.courses[0]!.id;
    const learners = [1, 2, 3, 4, 5].map(() => new Learner(server!.url));
    await Promise.all(learners.map((l, i) => l.signIn(`learner${i + 1}@budhhub.test`)));
    await Promise.all(learners.map((l) => l.join(courseId)));
    const page = new Learner(server.url);
    page.client.setCookie("authjs.session-token", learners[0]!.client.sessionToken!);
    // A visitor (no session) on public pages: the catalog (its figures cached 1 s) and a course page.
    const visitor = new Learner(server.url);
    const coursePage = `/courses/${(await new ApiClient(server.url).get(`/api/courses/${courseId}`)).json<{ course: { slug: string } }>().course.slug}`;

    let stop = false;
    const load = keepActing(learners, () => stop, 200);
    const pages = (async () => {
      while (!stop) {
        await page.record("page /my-courses", () => page.client.get("/my-courses"));
        await page.record("health", () => page.client.get("/api/health"));
        await visitor.record("page public /courses", () => visitor.client.get("/courses"));
        await visitor.record("page public course", () => visitor.client.get(coursePage));
        await sleep(500);
      }
    })();
    await sleep(5_000);
    const downAt = Date.now();
    cluster.stop();
    const stoppedAt = Date.now();
    await sleep(OUTAGE_MS);
    cluster.start();
    const upAt = Date.now();
    await sleep(25_000);
    stop = true;
    await Promise.all([load, pages]);

    const outcomes = [...learners.flatMap((l) => l.outcomes), ...page.outcomes, ...visitor.outcomes].filter((o) => o.at >= downAt - 5_000);
    const inOutage = outcomes.filter((o) => o.at > stoppedAt + 500 && o.at + o.ms < upAt);
    const firstOkAfter = Math.min(
      ...outcomes.filter((o) => o.at >= upAt && o.status === 200 && !o.action.startsWith("page")).map((o) => o.at),
    );
    const lateFailures = outcomes.filter((o) => o.at > upAt + 10_000 && o.status !== 200);
    console.log(`[outage] stopping took ${stoppedAt - downAt} ms; answers from 5 s before to 25 s after:`, summary(outcomes));
    console.log(`[outage] in the outage:`, summary(inOutage));
    for (const o of outcomes.filter((o) => o.at >= upAt && o.status !== 200)) {
      console.log(`[outage] after: +${o.at - upAt} ms ${o.action} ${o.status} ${o.body.slice(0, 120)}`);
    }
    console.log(`[outage] first success ${firstOkAfter - upAt} ms after the database was back; failures past 10 s: ${lateFailures.length}`);

    // Never a 500, never no answer; every refusal is a 503 with Retry-After and a plain message.
    const api = outcomes.filter((o) => !o.action.startsWith("page"));
    expect(api.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    // (The health check's 503 is for balancers: it names the failing part instead.)
    for (const o of api.filter((o) => o.status === 503 && o.action !== "health")) {
      expect(o.retryAfter, o.action).toMatch(/^\d+$/);
      expect(o.body).not.toMatch(/\n\s+at |ECONNREFUSED|127\.0\.0\.1|postgres/i);
    }
    for (const action of ["my courses", "open course", "save position", "complete lesson"]) {
      const answers = inOutage.filter((o) => o.action === action);
      expect(answers.length, action).toBeGreaterThan(0);
      expect(
        answers.every((o) => o.status === 503),
        action,
      ).toBe(true);
      expect(JSON.parse(answers[0]!.body)).toEqual({
        error: {
          code: "SERVICE_UNAVAILABLE",
          message: DATABASE_UNAVAILABLE_MESSAGE,
          requestId: expect.any(String) as unknown,
        },
      });
    }
    const health = inOutage.filter((o) => o.action === "health");
    expect(health.length).toBeGreaterThan(0);
    for (const o of health) expect(JSON.parse(o.body)).toMatchObject({ status: "error", db: "error" });
    // A guarded page is a plain 503 page too, and the visitor stays signed in: no redirect to sign in, no cookie cleared.
    // A public page is the same 503 page once the instance knows the database is away (src/lib/http/database-outage.ts):
    // only a page already rendering when it found out may end as Next's error page, a 500 without a stack; a page served
    // from the catalog's one-second cache may still be a 200.
    const publicPages = inOutage.filter((o) => o.action.startsWith("page public"));
    console.log(`[outage] public pages in the outage:`, summary(publicPages));
    const errorPages = publicPages.filter((o) => o.status === 500);
    expect(errorPages.length).toBeLessThanOrEqual(1);
    for (const o of errorPages) expect(o.body).not.toMatch(/\n\s+at |ECONNREFUSED|127\.0\.0\.1/);
    expect(publicPages.filter((o) => o.status !== 503 && o.status !== 500 && o.status !== 200)).toEqual([]);
    expect(publicPages.filter((o) => o.status === 503).length).toBeGreaterThan(publicPages.length / 2);
    const guardedPages = inOutage.filter((o) => o.action.startsWith("page") && !o.action.startsWith("page public"));
    expect(guardedPages.length).toBeGreaterThan(0);
    for (const o of [...guardedPages, ...publicPages.filter((o) => o.status === 503)]) {
      expect(o.status).toBe(503);
      expect(o.retryAfter).toMatch(/^\d+$/);
      expect(o.body).toMatch(/cannot reach its database right now/);
      expect(o.body).not.toMatch(/\n\s+at /);
    }
    expect(lateFailures).toEqual([]);

    // Every acknowledged completion is there, and progress adds up.
    const check = new Client({ connectionString: url.toString() });
    await check.connect();
    const query = async (text: string) => (await check.query(text)).rows as Record<string, unknown>[];
    const rows = await query(
      `select e.course_id, lp.lesson_id, e.learner_id from lesson_progress lp join enrollments e on e.id = lp.enrollment_id where lp.completed`,
    );
    const completedRows = new Set(rows.map((r) => `${String(r.course_id)}/${String(r.lesson_id)}`));
    const acknowledged = learners.flatMap((l) => l.acknowledged);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((a) => !completedRows.has(`${a.courseId}/${a.lessonId}`))).toEqual([]);
    const consistency = await checkConsistency(query, listStored(path.join(dataDir, "storage")));
    await check.end();
    console.log(`[outage] consistency: ${describeConsistency(consistency)}`);
    expect(consistency).toMatchObject({ progressMismatches: [], missingObjects: [], unreferencedObjects: [], failedJobs: [] });
  });
});
