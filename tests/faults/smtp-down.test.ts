import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, strongPassword, uniqueEmail } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { checkConsistency, describeConsistency, listStored } from "./consistency";

/**
 * The SMTP server down when mail is queued: the mail waits in the job queue (its first try fails), and goes out when
 * the server is back, once.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-fault-smtp-"));
let server: AppServer | undefined;
let sink: SmtpSink | undefined;
afterAll(async () => {
  await server?.stop();
  await sink?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the SMTP server is down when mail is queued", { timeout: 600_000 }, () => {
  it("keeps the mail in the queue and sends it once when the server is back", async () => {
    sink = await startSmtpSink();
    const port = Number(new URL(sink.url).port);
    server = await startApp({ DATA_DIR: dataDir, SMTP_URL: sink.url });
    await sink.close();

    const email = uniqueEmail("smtp-down");
    const signUp = await new ApiClient(server.url).signUp({ email, password: strongPassword() });
    expect(signUp.status).toBe(202);
    // The first try meets a closed port; the sign-up was answered all the same.
    const deadline = Date.now() + 30_000;
    while (!/a job failed/.test(server.output()) && Date.now() < deadline) await sleep(250);
    expect(server.output()).toMatch(/"queue":"mail".*a job failed; it is retried/);
    expect(sink.messages).toHaveLength(0);
    await sleep(15_000);

    const downFor = Date.now();
    sink = await startSmtpSink({ port });
    const mail = await sink.waitFor(email, { timeoutMs: 180_000 });
    console.log(`[smtp-down] the mail arrived ${Date.now() - downFor} ms after the SMTP server came back: "${mail.subject}"`);
    // Once: nothing more comes for this address while the queue keeps running.
    await sleep(10_000);
    expect(sink.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);

    await server.stop();
    const db = new PGlite(path.join(dataDir, "pglite"));
    const query = async (text: string) => (await db.query<Record<string, unknown>>(text)).rows;
    const jobs = await query(`select state, count(*)::int as n from pgboss.job where name = 'mail' group by state order by state`);
    const deliveries = await query(`select count(*)::int as n from mail_deliveries`);
    const consistency = await checkConsistency(query, listStored(path.join(dataDir, "storage")));
    await db.close();
    console.log(`[smtp-down] mail jobs by state ${JSON.stringify(jobs)}; deliveries ${JSON.stringify(deliveries)}`);
    console.log(`[smtp-down] consistency: ${describeConsistency(consistency)}`);
    expect(jobs.filter((j) => j.state !== "completed")).toEqual([]);
    expect(consistency).toMatchObject({ progressMismatches: [], missingObjects: [], unreferencedObjects: [], failedJobs: [] });
  });
});
