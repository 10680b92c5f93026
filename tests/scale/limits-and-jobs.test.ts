import { describe, expect, it } from "vitest";
import { ApiClient, outboxCount, strongPassword, uniqueEmail, uniqueIp, waitForOutboxMail } from "../helpers/api-client";
import { scale, withDatabase } from "./scale-env";

/** Fixed windows aligned to the clock: start a burst only with `seconds` left in the window. */
async function withTimeLeftInWindow(windowSeconds: number, seconds: number) {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

describe("rate limits across instances", () => {
  it("counts sign-ins from one address made to A and to B against one limit (10 a minute)", async () => {
    const ip = uniqueIp();
    const onA = new ApiClient(scale.a, ip);
    const onB = new ApiClient(scale.b, ip);
    await withTimeLeftInWindow(60, 25);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await (i % 2 === 0 ? onA : onB).signIn(uniqueEmail("guess"), "wrong-password")).status);
    expect(statuses).toEqual(Array(10).fill(401));
    // Five on each: a per-instance counter would allow five more on either.
    expect((await onA.signIn(uniqueEmail("guess"), "wrong-password")).status).toBe(429);
    expect((await onB.signIn(uniqueEmail("guess"), "wrong-password")).status).toBe(429);
    // Another address is not held up.
    expect((await new ApiClient(scale.b).signIn(uniqueEmail("guess"), "wrong-password")).status).toBe(401);
  });

  it("counts sign-in links for one address asked of A and of B against one limit (5 an hour)", async () => {
    const email = uniqueEmail("scale-magic");
    await withTimeLeftInWindow(3600, 60);
    for (let i = 0; i < 5; i++) {
      expect((await new ApiClient(i % 2 === 0 ? scale.a : scale.b).post("/api/auth/magic-link", { email })).status).toBe(200);
    }
    expect((await new ApiClient(scale.a).post("/api/auth/magic-link", { email })).status).toBe(429);
    expect((await new ApiClient(scale.b).post("/api/auth/magic-link", { email })).status).toBe(429);
  });
});

describe("the job queue across instances", () => {
  it("runs each job enqueued on either instance exactly once", async () => {
    // Sign-ups alternate between A and B; each queues one verification mail, which either instance's worker may send.
    const emails = Array.from({ length: 12 }, () => uniqueEmail("scale-job"));
    const started = new Date();
    await Promise.all(
      emails.map(async (email, i) => {
        const response = await new ApiClient(i % 2 === 0 ? scale.a : scale.b).signUp({ email, password: strongPassword() });
        expect(response.status).toBe(202);
      }),
    );
    for (const email of emails) await waitForOutboxMail(email);
    // Time for a second run of any job to have written a second mail.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(emails.map((email) => outboxCount(email))).toEqual(emails.map(() => 1));

    const jobs = await withDatabase(
      async (db) =>
        (
          await db.query<{ state: string; retry_count: number; n: string }>(
            `select state, retry_count, count(*) as n from pgboss.job where name = 'mail' and created_on >= $1 group by state, retry_count`,
            [started],
          )
        ).rows,
    );
    // Every one of them completed at its first try: none was started twice, none retried or failed.
    expect(jobs.map((j) => ({ state: j.state, retries: j.retry_count }))).toEqual([{ state: "completed", retries: 0 }]);
    expect(Number(jobs[0]!.n)).toBe(emails.length);
  });
});
