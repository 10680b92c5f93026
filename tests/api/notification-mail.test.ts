import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, strongPassword, uniqueEmail } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { buildAssignmentCourse, handIn } from "../helpers/assignment-api";
import { buildCourse, enrollIn } from "../helpers/learning-fixtures";
import { linkIn } from "../helpers/mail-text";
import { startSmtpSink, type SinkMail, type SmtpSink } from "../helpers/smtp-sink";

/**
 * The notification kinds by mail, on an app of its own whose mail goes to an SMTP server (SMTP_URL): each kind reaches
 * the right person with a text and an HTML part, the platform name, its link on this app, and a one-click
 * List-Unsubscribe (RFC 8058); the one-click POST needs no session and turns off only its kind; preferences are honoured.
 * Digests and reminders run when the admin asks for them (POST /api/admin/jobs/run), as their schedules would.
 */

type Person = { client: ApiClient; id: string; email: string };
type Preferences = { preferences: { kind: string; channels: Record<string, boolean> }[] };

let sink: SmtpSink;
let app: AppServer;
let dataDir: string;
let admin: ApiClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-notify-mail-"));
  app = await startApp({ DATA_DIR: dataDir, SMTP_URL: sink.url });
  admin = await demoAdmin(app.url);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await sink?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const mailsTo = (to: string) => sink.messages.filter((m) => m.envelopeTo.includes(to));
/** The next mail to `to` whose subject matches, however many others come first. */
async function nextMail(to: string, subject: RegExp | string, { after = 0, timeoutMs = 20_000 } = {}): Promise<SinkMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailsTo(to)
      .slice(after)
      .find((m) => (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `No mail "${String(subject)}" to ${to} in ${timeoutMs} ms: ${mailsTo(to)
          .map((m) => m.subject)
          .join(" | ")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signed up, confirmed from the mail at the SMTP server, onboarded as a learner; made an instructor by the admin if asked. */
async function person(prefix: string, role: "LEARNER" | "INSTRUCTOR" = "LEARNER"): Promise<Person> {
  const client = new ApiClient(app.url);
  const email = uniqueEmail(prefix);
  expect((await client.signUp({ name: `${prefix} person`, email, password: strongPassword() })).status).toBe(202);
  const verify = linkIn(await nextMail(email, "Confirm your BudhHub address"), "/verify-email?token=");
  const verified = await client.post("/api/auth/verify-email", { token: new URL(verify).searchParams.get("token") });
  const id = verified.json<{ user: { id: string } }>().user.id;
  expect((await client.onboard("LEARNER", `${prefix} person`)).status).toBe(200);
  if (role === "INSTRUCTOR") expect((await admin.patch(`/api/admin/users/${id}`, { role: "INSTRUCTOR" })).status).toBe(200);
  return { client, id, email };
}

/**
 * A notification mail: to that person only, the platform name and the link (on this app) in both parts, and the RFC 8058
 * headers whose URL is this app's unsubscribe route; returns that URL.
 */
function expectNotificationMail(mail: SinkMail, to: string, linkPath: string) {
  expect(mail.envelopeTo).toEqual([to]);
  for (const part of [mail.text, mail.html]) {
    expect(part).toContain("BudhHub");
    expect(part).toContain(`${app.url}${linkPath}`);
  }
  expect(mail.text).toMatch(/unsubscribe|turn (this|these) off/i);
  expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const header = /^<([^>]+)>$/.exec(mail.headers.get("list-unsubscribe") ?? "")?.[1];
  expect(header).toMatch(new RegExp(`^${app.url}/api/notifications/unsubscribe\\?token=`));
  return header!;
}

const preferencesOf = async (p: Person) => (await p.client.get("/api/profile/notifications")).json<Preferences>().preferences;
const emailOn = async (p: Person, kind: string) => (await preferencesOf(p)).find((x) => x.kind === kind)!.channels.email;
/** Waits until the person's newest notifications include one whose title ends so (a job's work). */
async function inApp(p: Person, titleEnd: string) {
  for (let i = 0; i < 200; i++) {
    const listed = (await p.client.get("/api/notifications")).json<{ notifications: { title: string }[] }>().notifications;
    if (listed.some((n) => n.title.endsWith(titleEnd))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No notification "…${titleEnd}" for ${p.email} in 20 s`);
}
const runNow = async (queue: string) => expect((await admin.post("/api/admin/jobs/run", { queue })).status).toBe(202);

describe("notifications by mail", () => {
  let instructor: Person;
  let learner: Person;

  beforeAll(async () => {
    [instructor, learner] = await Promise.all([person("nm-teacher", "INSTRUCTOR"), person("nm-learner")]);
  }, 120_000);

  it("mails enrolled at once, new lessons and new enrollments as daily digests, and one click turns off only that kind", async () => {
    const course = await buildCourse(instructor.client, { title: `Tide tables ${Date.now()}`, lessons: 1 });
    await enrollIn(learner.client, course.courseId);
    const enrolled = await nextMail(learner.email, /^You are enrolled in Tide tables/);
    const unsubscribe = expectNotificationMail(enrolled, learner.email, `/my-courses/${course.courseId}`);

    // A new lesson: in the app at once (the fan-out job), by mail in the next daily digest.
    const added = await instructor.client.post(`/api/instructor/courses/${course.courseId}/modules/${course.moduleId}/lessons`, {
      title: "Spring tides",
    });
    expect(added.status).toBe(201);
    const lessonId = added.json<{ lesson: { id: string } }>().lesson.id;
    await inApp(learner, ": Spring tides");
    expect(
      (await learner.client.get("/api/notifications")).json<{ notifications: { title: string; link: string }[] }>().notifications[0],
    ).toMatchObject({
      title: expect.stringMatching(/^New lesson in Tide tables .*: Spring tides$/),
      link: `/my-courses/${course.courseId}/lessons/${lessonId}`,
    });
    await runNow("digest-daily");
    const digest = await nextMail(learner.email, /^New in Tide tables/);
    expectNotificationMail(digest, learner.email, `/my-courses/${course.courseId}/lessons/${lessonId}`);
    expect(digest.text).toContain("1 new lesson since the last mail");
    const enrollments = await nextMail(instructor.email, "1 new enrollment in your courses");
    expectNotificationMail(enrollments, instructor.email, `/instructor/courses/${course.courseId}/enrollments`);
    expect(enrollments.text).toContain("nm-learner person enrolled in Tide tables");

    // One click, no session, no same-origin header: the kind's mail is off for that learner only.
    const clicked = await fetch(unsubscribe, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(clicked.status).toBe(200);
    expect(await emailOn(learner, "enrolled")).toBe(false);
    expect(await emailOn(learner, "new_lesson")).toBe(true);
    expect(await emailOn(instructor, "enrolled")).toBe(true);

    // Enrolled again elsewhere: told in the app, no mail; the next mail that comes is the one still on.
    const second = await buildCourse(instructor.client, { title: `Estuaries ${Date.now()}`, lessons: 1 });
    const before = mailsTo(learner.email).length;
    await enrollIn(learner.client, second.courseId);
    // Mail goes out in the order it was queued: once the completion's mail is here, an enrollment mail would be too.
    const completed = await learner.client.post(`/api/my-courses/${second.courseId}/lessons/${second.lessonIds[0]}/complete`, {
      completed: true,
    });
    expect(completed.status).toBe(200);
    const done = await nextMail(learner.email, /^You completed Estuaries/, { after: before });
    expectNotificationMail(done, learner.email, `/my-courses/${second.courseId}`);
    expect(
      mailsTo(learner.email)
        .slice(before)
        .map((m) => m.subject),
    ).toEqual([done.subject]);
  });

  it("mails the instructor an hourly digest of submissions, the learner the grade, and honours a preference turned off", async () => {
    const course = await buildAssignmentCourse(instructor.client, { title: `Harbour essays ${Date.now()}` });
    await enrollIn(learner.client, course.courseId);
    const submissionId = await handIn(learner.client, course, { text: "Tides follow the moon." });
    await runNow("digest-hourly");
    const waiting = await nextMail(instructor.email, "1 submission waits for your grading");
    expectNotificationMail(waiting, instructor.email, `/instructor/courses/${course.courseId}/submissions/${submissionId}`);

    const graded = await instructor.client.post(`/api/instructor/courses/${course.courseId}/submissions/${submissionId}/grade`, {
      points: 8,
      feedback: "Clear.",
    });
    expect(graded.status).toBe(200);
    const grade = await nextMail(learner.email, "Graded: Essay");
    expectNotificationMail(grade, learner.email, `/my-courses/${course.courseId}/lessons/${course.assignmentLessonId}`);
    expect(grade.text).toContain("8 of 10 points: passed.");

    // The learner turns new-lesson mail off on the preferences page's route: a new lesson is told in the app only.
    const put = await learner.client.put("/api/profile/notifications", {
      preferences: [{ kind: "new_lesson", channel: "email", enabled: false }],
    });
    expect(put.status).toBe(200);
    const added = await instructor.client.post(`/api/instructor/courses/${course.courseId}/modules/${course.moduleId}/lessons`, {
      title: "Neap tides",
    });
    expect(added.status).toBe(201);
    const before = mailsTo(learner.email).length;
    const instructorBefore = mailsTo(instructor.email).length;
    await inApp(learner, ": Neap tides"); // the fan-out job ran: a digest item would be waiting now, were the mail on
    await runNow("digest-daily");
    // The same digest run mails the instructor the enrollments (after the new lessons): once that is here, the run is done.
    await nextMail(instructor.email, /^\d+ new enrollments? in your courses$/, { after: instructorBefore });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      mailsTo(learner.email)
        .slice(before)
        .map((m) => m.subject),
    ).toEqual([]);
  });

  it("reminds of an assignment due within a day, and a changed or wrong token changes nothing", async () => {
    const course = await buildAssignmentCourse(instructor.client, {
      title: `Due soon ${Date.now()}`,
      settings: { dueAt: new Date(Date.now() + 20 * 3_600_000).toISOString() },
    });
    await enrollIn(learner.client, course.courseId);
    await runNow("reminders");
    const reminder = await nextMail(learner.email, "Due within a day: Essay");
    const unsubscribe = expectNotificationMail(
      reminder,
      learner.email,
      `/my-courses/${course.courseId}/lessons/${course.assignmentLessonId}`,
    );

    const token = new URL(unsubscribe).searchParams.get("token")!;
    const changed = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [changed, "nope"]) {
      const answer = await fetch(`${app.url}/api/notifications/unsubscribe?token=${encodeURIComponent(bad)}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
      });
      expect(answer.status).toBe(400);
    }
    expect(await emailOn(learner, "assignment_due")).toBe(true);
  });
});
