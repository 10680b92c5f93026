import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { linkIn } from "../../../tests/helpers/mail-text";
import { startSmtpSink, type SmtpSink } from "../../../tests/helpers/smtp-sink";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { db } from "@/lib/db/client";
import { mailDeliveries, notificationPreferences } from "@/lib/db/schema";
import { JOBS_SCHEMA } from "@/lib/jobs/queue";
import { deliverMail, messageIdOf } from "./mail-worker";
import { setMailTransport } from "./mailer";
import { MAIL_QUEUE, queueMail, queueMails, type MailJob } from "./outgoing";
import { renderMail } from "./render-mail";
import { seal as sealedOf } from "./seal";

const database = withTestDatabase();
// The queue is defined but not worked: each test runs the worker's steps itself, or starts a worker.
const mail = withMailWorker(database, { start: false });

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  setMailTransport(sink.url);
});
afterAll(async () => {
  setMailTransport(undefined);
  await sink?.close();
});

// The queue's tables are not emptied between tests as the app's are.
beforeEach(async () => {
  await database.connection!.executeSql(`delete from ${JOBS_SCHEMA}.job where name = $1`, [MAIL_QUEUE]);
});

let counter = 0;
const address = (name: string) => `${name}-${++counter}-${Date.now()}@example.test`;
const mailsTo = (to: string) => sink.messages.filter((m) => m.envelopeTo.includes(to));

/** The queued mail jobs' rows, as /admin/jobs and anyone with the database would see them. */
const jobRows = async () =>
  (
    await database.connection!.executeSql(`select id, data, state from ${JOBS_SCHEMA}.job where name = $1 order by created_on`, [
      MAIL_QUEUE,
    ])
  ).rows as { id: string; data: MailJob; state: string }[];

async function waitUntil(what: string, done: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("templates", () => {
  it("give HTML and text parts from one MJML template, with the platform's name and every value escaped", async () => {
    const rendered = await renderMail({
      to: "a@example.test",
      template: "invitation",
      props: {
        link: "https://app.example.test/invite/abc?x=1&y=<2>",
        inviter: `Eve <script>alert("x")</script> & Co`,
        role: "INSTRUCTOR",
        courseTitles: ["Maths & <b>Physics</b>"],
      },
    });
    expect(rendered.subject).toBe(`You are invited to ${env.PLATFORM_NAME}`);
    for (const part of [rendered.html, rendered.text]) expect(part).toContain(env.PLATFORM_NAME);
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).not.toContain("<b>Physics");
    expect(rendered.html).toContain("Eve &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co");
    expect(rendered.html).toContain('href="https://app.example.test/invite/abc?x=1&#38;y=&#60;2&#62;"');
    // The text part says the same in plain words, with the link spelled out once (no button in text).
    expect(rendered.text).toContain(`Eve <script>alert("x")</script> & Co invited you to join ${env.PLATFORM_NAME} as an instructor.`);
    expect(rendered.text).toContain("You will be enrolled in: Maths & <b>Physics</b>.");
    expect(rendered.text).toContain("Accept the invitation: https://app.example.test/invite/abc?x=1&y=<2>");
    expect(rendered.text.match(/invite\/abc/g)).toHaveLength(1);
    expect(rendered.headers).toBeUndefined();
  });

  it("render the notification side's notice and digest", async () => {
    const notice = await renderMail({
      to: "a@example.test",
      template: "notice",
      props: { title: "Your assignment is graded", paragraphs: ["Essay 1: 8/10."], action: { label: "See it", link: "https://x.test/a" } },
    });
    expect(notice.subject).toBe("Your assignment is graded");
    expect(notice.text).toContain("Essay 1: 8/10.");
    expect(notice.text).toContain("See it: https://x.test/a");
    const digest = await renderMail({
      to: "a@example.test",
      template: "digest",
      props: {
        title: "New lessons in Algebra",
        intro: "Two lessons were added.",
        items: [
          { title: "Lesson 1", body: "Groups", link: "https://x.test/l1" },
          { title: "Lesson 2", link: "https://x.test/l2" },
        ],
        action: { label: "Open the course", link: "https://x.test/c" },
      },
    });
    for (const wanted of ["Two lessons were added.", "Lesson 1 https://x.test/l1", "Groups", "Lesson 2 https://x.test/l2"]) {
      expect(digest.text).toContain(wanted);
    }
    expect(digest.html).toContain('href="https://x.test/l2"');
  });
});

describe("queued mail", () => {
  it("is sealed in the job table: the key is readable, the link and the address are not", async () => {
    const to = address("sealed");
    const link = `${env.appUrl}/reset-password?token=${"S".repeat(43)}`;
    await queueMail({ to, template: "passwordReset", props: { link } }, { key: "test:sealed" });
    const [job] = (await jobRows()).filter((j) => j.data.key === "test:sealed");
    expect(job!.data).toMatchObject({ key: "test:sealed", template: "passwordReset", sealed: expect.stringMatching(/^v1\./) });
    const stored = JSON.stringify(job!.data);
    expect(stored).not.toContain("S".repeat(20));
    expect(stored).not.toContain(to);
    // A sealed mail opens only under its own key.
    await expect(deliverMail({ ...job!.data, key: "test:another" })).rejects.toThrow();
    expect(mailsTo(to)).toHaveLength(0);
  });

  it("is sent once across a retry after a crash between the send and the acknowledgement", async () => {
    const to = address("crash");
    await queueMail(
      { to, template: "magicLink", props: { link: `${env.appUrl}/api/auth/callback/nodemailer?token=x` } },
      { key: "test:crash" },
    );
    // The first try, by hand: fetch the job as a worker does, send and record the mail, then die before completing the
    // job. pg-boss fails it (as it does a job whose worker stopped answering) and it goes back to the queue to retry.
    const [fetched] = await mail.queue().boss.fetch<MailJob>(MAIL_QUEUE);
    expect(fetched!.data.key).toBe("test:crash");
    expect(await deliverMail(fetched!.data)).toBe("sent");
    await waitUntil("the first try's message", () => mailsTo(to).length === 1);
    await mail.queue().boss.fail(MAIL_QUEUE, fetched!.id, { message: "worker died before acknowledging" });
    expect((await mail.queue().boss.getJobById(MAIL_QUEUE, fetched!.id))!.state).toBe("retry");

    // The retry, by the real worker: it finds the key delivered, sends nothing, and the job completes.
    await mail
      .queue()
      .registerWorker<MailJob>(MAIL_QUEUE, async (job) => void (await deliverMail(job)), { retryDelay: 1, retryBackoff: false });
    await waitUntil("the retry", async () => (await mail.queue().boss.getJobById(MAIL_QUEUE, fetched!.id))?.state === "completed");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(to)).toHaveLength(1);
    expect(mailsTo(to)[0]!.headers.get("message-id")).toBe(messageIdOf("test:crash"));
    expect(await db.select().from(mailDeliveries).where(eq(mailDeliveries.key, "test:crash"))).toEqual([
      expect.objectContaining({ key: "test:crash", messageId: messageIdOf("test:crash") }),
    ]);
  });

  it("goes with the transaction: rolled back, nothing is queued; committed, it is", async () => {
    const to = address("tx");
    await expect(
      db.transaction(async (tx) => {
        await queueMail({ to, template: "accountDisabled", props: {} }, { tx, key: "test:rolled-back" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await db.transaction((tx) => queueMail({ to, template: "accountDisabled", props: {} }, { tx, key: "test:committed" }));
    const keys = (await jobRows()).map((j) => j.data.key);
    expect(keys).toContain("test:committed");
    expect(keys).not.toContain("test:rolled-back");
  });

  it("queues many in a few statements", async () => {
    const many = Array.from({ length: 1203 }, (_, i) => ({
      mail: { to: `bulk-${i}@example.test`, template: "accountDisabled" as const, props: {} },
      key: `test:bulk:${i}`,
    }));
    await db.transaction((tx) => queueMails(many, { tx }));
    const keys = new Set((await jobRows()).map((j) => j.data.key));
    expect(many.filter((m) => keys.has(m.key))).toHaveLength(1203);
  });

  it("refuses a key that is empty or past 200 characters", async () => {
    await expect(queueMail({ to: "a@example.test", template: "accountDisabled", props: {} }, { key: "" })).rejects.toThrow(/key/);
    await expect(queueMail({ to: "a@example.test", template: "accountDisabled", props: {} }, { key: "k".repeat(201) })).rejects.toThrow(
      /key/,
    );
  });
});

describe("mail a user can turn off", () => {
  it("has List-Unsubscribe with one-click POST and a footer link, and is not sent once the kind is turned off", async () => {
    const user = await insertUser({ email: address("unsub") });
    const notice = {
      to: user.email,
      template: "notice" as const,
      props: { title: "You are enrolled", paragraphs: ["In Algebra."], action: { label: "Open it", link: `${env.appUrl}/my-courses` } },
      unsubscribe: { userId: user.id, kind: "enrolled" as const },
    };
    expect(await deliverMail({ key: "test:unsub:1", template: "notice", sealed: sealedOf(notice, "test:unsub:1") })).toBe("sent");
    await waitUntil("the notice", () => mailsTo(user.email).length === 1);
    const got = mailsTo(user.email)[0]!;
    const header = got.headers.get("list-unsubscribe")!;
    expect(header).toMatch(new RegExp(`^<${env.appUrl}/api/notifications/unsubscribe\\?token=[^>]+>$`));
    expect(got.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(linkIn(got, "/unsubscribe?token=")).toMatch(new RegExp(`^${env.appUrl}/unsubscribe\\?token=`));
    expect(got.text).toContain("You are enrolled in a course");
    expect(got.html).toContain("/unsubscribe?token=");

    await db.insert(notificationPreferences).values({ userId: user.id, kind: "enrolled", channel: "email", enabled: false });
    expect(await deliverMail({ key: "test:unsub:2", template: "notice", sealed: sealedOf(notice, "test:unsub:2") })).toBe("turned off");
    // Another kind of the same user still goes out.
    const other = { ...notice, unsubscribe: { userId: user.id, kind: "assignment_graded" as const } };
    expect(await deliverMail({ key: "test:unsub:3", template: "notice", sealed: sealedOf(other, "test:unsub:3") })).toBe("sent");
    await waitUntil("the other kind", () => mailsTo(user.email).length === 2);
  });

  it("security and account mail has no List-Unsubscribe and no footer line", async () => {
    const to = address("security");
    await deliverMail({
      key: "test:security",
      template: "passwordChanged",
      sealed: sealedOf({ to, template: "passwordChanged", props: { reset: `${env.appUrl}/forgot-password` } }, "test:security"),
    });
    await waitUntil("the security mail", () => mailsTo(to).length === 1);
    const got = mailsTo(to)[0]!;
    expect(got.headers.has("list-unsubscribe")).toBe(false);
    expect(got.subject).toBe(`Your ${env.PLATFORM_NAME} password was changed`);
    expect(got.text).not.toMatch(/unsubscribe/i);
    expect(got.html).not.toMatch(/unsubscribe/i);
  });
});
