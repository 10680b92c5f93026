import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentCourse, enrolledLearner } from "../../../tests/helpers/assignment-db";
import { queuedMails } from "../../../tests/helpers/mail-jobs";
import { waitingJobs, withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import {
  assignments,
  assignmentSubmissions,
  enrollments,
  notificationDigestItems,
  notificationReminders,
  notifications,
} from "@/lib/db/schema";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { env } from "@/env";
import { JOB_NAMES } from "@/lib/jobs/names";
import type { OutgoingMail } from "@/lib/mail/outgoing";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";
import { sendDigests } from "./digests";
import { FAN_OUT_BATCH, fanOutNewLesson, type NewLessonFanOut } from "./fan-out";
import { notify, setNotificationPreferences } from "./notifications";
import { sendReminders } from "./reminders";

const database = withTestDatabase();
const mails = () => queuedMails(database.connection!);
const titleOf = (mail: OutgoingMail) => (mail.props as { title?: string }).title;
const url = (path: string) => new URL(path, env.appUrl).toString();
const itemsOf = (userId: string) =>
  db
    .select()
    .from(notificationDigestItems)
    .where(and(eq(notificationDigestItems.userId, userId), isNull(notificationDigestItems.sentAt)));
const turnOff = (user: Parameters<typeof setNotificationPreferences>[0], kind: string, channel: string) =>
  setNotificationPreferences(user, notificationPreferencesSchema.parse({ preferences: [{ kind, channel, enabled: false }] }));

describe("the mail channel", () => {
  it("queues one mail per user in the change's transaction, with an unsubscribe for that kind; not to who turned it off or is disabled", async () => {
    const [a, b, off, disabled] = [await insertUser(), await insertUser(), await insertUser(), await insertUser({ disabled: true })];
    await turnOff(off, "assignment_graded", "email");
    const item = (userId: string) => ({ userId, title: "Graded: Essay", body: "8 of 10 points: passed.", link: "/my-courses/c/lessons/l" });

    await expect(
      db.transaction(async (tx) => {
        await notify(tx, "assignment_graded", [item(a.id)]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await mails()).toEqual([]);

    await db.transaction((tx) =>
      notify(
        tx,
        "assignment_graded",
        [a, b, off, disabled].map((u) => item(u.id)),
      ),
    );
    const queued = await mails();
    expect(queued.map((m) => m.mail.to).sort()).toEqual([a.email, b.email].sort());
    expect(queued[0]!.mail).toMatchObject({
      template: "notice",
      props: { title: "Graded: Essay", paragraphs: ["8 of 10 points: passed."], action: { link: url("/my-courses/c/lessons/l") } },
      unsubscribe: { kind: "assignment_graded" },
    });
    expect(new Set(queued.map((m) => m.key)).size).toBe(2);
    // The app's channel is apart: the one who turned the mail off still has the notification.
    expect(await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, off.id))).toHaveLength(1);

    // A security kind cannot be turned off and carries no unsubscribe.
    await db.transaction((tx) => notify(tx, "role_changed", [{ userId: a.id, title: "Your role is now instructor", link: "/" }]));
    const security = (await mails()).find((m) => titleOf(m.mail) === "Your role is now instructor")!;
    expect(security.mail.unsubscribe).toBeUndefined();
  });

  it("keeps digest kinds for the digest: one mail per user per period listing every item, sent once, none to who turned it off since", async () => {
    const f = await assignmentCourse();
    const other = await insertUser({ role: "INSTRUCTOR" });
    const items = (userId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        userId,
        title: `A submission waits: Essay ${i + 1}`,
        link: `/instructor/courses/x/submissions/${i}`,
      }));
    await db.transaction((tx) => notify(tx, "submission_waiting", [...items(f.instructor.id, 3), ...items(other.id, 25)]));
    expect(await mails()).toEqual([]);
    expect(await itemsOf(f.instructor.id)).toHaveLength(3);

    expect(await sendDigests("daily")).toEqual({ mails: 0, items: 0 });
    expect(await sendDigests("hourly")).toEqual({ mails: 2, items: 28 });
    const sent = await mails();
    const mine = sent.find((m) => m.mail.to === f.instructor.email)!.mail;
    expect(mine).toMatchObject({
      template: "digest",
      props: { title: "3 submissions wait for your grading", action: { link: url("/instructor/submissions") } },
      unsubscribe: { userId: f.instructor.id, kind: "submission_waiting" },
    });
    expect(mine.template === "digest" && mine.props.items.map((i) => i.title).sort()).toEqual(
      [1, 2, 3].map((i) => `A submission waits: Essay ${i}`),
    );
    const theirs = sent.find((m) => m.mail.to === other.email)!.mail;
    expect(theirs.template === "digest" && [theirs.props.items.length, theirs.props.intro]).toEqual([
      20,
      "Handed in since the last mail: (the first 20 of 25)",
    ]);
    expect(await itemsOf(f.instructor.id)).toEqual([]);
    expect(await sendDigests("hourly")).toEqual({ mails: 0, items: 0 });

    await db.transaction((tx) => notify(tx, "submission_waiting", items(f.instructor.id, 1)));
    await turnOff(f.instructor, "submission_waiting", "email");
    expect(await sendDigests("hourly")).toEqual({ mails: 0, items: 1 });
    expect(await mails()).toHaveLength(2);
  });

  it("tells the instructor of new enrollments in a daily digest, and the learner at once", async () => {
    const f = await assignmentCourse();
    const learners = [await enrolledLearner(f.courseId), await enrolledLearner(f.courseId)];
    expect((await mails()).map((m) => m.mail.to).sort()).toEqual(learners.map((l) => l.email).sort());
    expect((await itemsOf(f.instructor.id)).map((i) => i.kind)).toEqual(["new_enrollments", "new_enrollments"]);
    expect(await sendDigests("daily")).toMatchObject({ mails: 1 });
    const digest = (await mails()).find((m) => m.mail.to === f.instructor.email)!.mail;
    expect(titleOf(digest)).toBe("2 new enrollments in your courses");
  });

  it("fans a new lesson out to every learner in slices, once each, and mails each one daily digest per course", async () => {
    const f = await assignmentCourse();
    const count = FAN_OUT_BATCH + 5;
    const learners = await Promise.all(Array.from({ length: count }, () => insertUser()));
    await db.insert(enrollments).values(learners.map((l) => ({ courseId: f.courseId, learnerId: l.id })));
    const ended = await insertUser();
    await db.insert(enrollments).values({ courseId: f.courseId, learnerId: ended.id, endsAt: new Date(Date.now() - 1000) });

    const lesson = await createLesson(f.instructor, f.courseId, f.moduleId, { title: "Week 2" });
    const second = await createLesson(f.instructor, f.courseId, f.moduleId, { title: "Week 3" });
    let slices = 0;
    for (let jobs = await waitingJobs<NewLessonFanOut>(database.connection!, JOB_NAMES.newLessonFanOut); jobs.length > 0;) {
      // Run each waiting slice as the worker would, then complete it, until the chains end.
      for (const job of jobs) {
        await fanOutNewLesson(job.data);
        await database.connection!.executeSql(`update pgboss.job set state = 'completed' where id = $1`, [job.id]);
        slices += 1;
      }
      jobs = await waitingJobs<NewLessonFanOut>(database.connection!, JOB_NAMES.newLessonFanOut);
    }
    expect(slices).toBe(4); // two lessons, two slices each
    const told = await db
      .select({ userId: notifications.userId, title: notifications.title })
      .from(notifications)
      .where(eq(notifications.kind, "new_lesson"));
    expect(told).toHaveLength(2 * count);
    expect(new Set(told.map((t) => `${t.userId} ${t.title}`)).size).toBe(2 * count);
    expect(told.some((t) => t.userId === ended.id)).toBe(false);

    expect(await sendDigests("daily")).toMatchObject({ mails: count, items: 2 * count });
    const one = (await mails()).find((m) => m.mail.to === learners[0]!.email)!.mail;
    expect(one).toMatchObject({ template: "digest", props: { title: "New in Essay course", intro: "2 new lessons since the last mail:" } });
    expect(one.template === "digest" && one.props.items.map((i) => i.link)).toEqual([
      url(`/my-courses/${f.courseId}/lessons/${lesson.id}`),
      url(`/my-courses/${f.courseId}/lessons/${second.id}`),
    ]);
  });

  it("reminds of an assignment due within a day not handed in, and of a course left for two weeks, once each", async () => {
    const now = new Date();
    const f = await assignmentCourse({ dueAt: new Date(now.getTime() + 20 * 3_600_000) });
    const late = await enrolledLearner(f.courseId);
    const done = await enrolledLearner(f.courseId);
    const [doneEnrollment] = await db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.learnerId, done.id));
    await db.insert(assignmentSubmissions).values({ lessonId: f.lessonId, enrollmentId: doneEnrollment!.id });
    const quiet = await enrolledLearner(f.courseId);
    await db
      .update(enrollments)
      .set({ lastAccessedAt: new Date(now.getTime() - 15 * 86_400_000) })
      .where(eq(enrollments.learnerId, quiet.id));
    const optedOut = await enrolledLearner(f.courseId);
    await db
      .update(enrollments)
      .set({ lastAccessedAt: new Date(now.getTime() - 15 * 86_400_000) })
      .where(eq(enrollments.learnerId, optedOut.id));
    await turnOff(optedOut, "inactive_reminder", "email");
    await turnOff(optedOut, "inactive_reminder", "app");
    const before = (await mails()).length;

    // late, quiet and optedOut have not handed in; quiet and optedOut have been away for 15 days.
    expect(await sendReminders(now)).toEqual({ assignmentDue: 3, inactive: 2 });
    expect(await sendReminders(now)).toEqual({ assignmentDue: 0, inactive: 0 });
    const reminders = (await mails()).slice(before);
    expect(reminders.map((m) => [m.mail.to, m.mail.unsubscribe?.kind]).sort()).toEqual(
      [
        [late.email, "assignment_due"],
        [quiet.email, "assignment_due"],
        [optedOut.email, "assignment_due"],
        [quiet.email, "inactive_reminder"],
      ].sort(),
    );
    expect(titleOf(reminders.find((m) => m.mail.to === late.email)!.mail)).toBe("Due within a day: Essay");
    const inApp = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, optedOut.id));
    expect(inApp.map((n) => n.kind).sort()).toEqual(["assignment_due", "enrolled"]);
    expect(await db.select().from(notificationReminders)).toHaveLength(5);

    // A new due date reminds again.
    await db.update(enrollments).set({ lastAccessedAt: now }).where(eq(enrollments.learnerId, quiet.id));
    await db
      .update(assignments)
      .set({ dueAt: new Date(now.getTime() + 10 * 3_600_000) })
      .where(eq(assignments.lessonId, f.lessonId));
    expect(await sendReminders(now)).toEqual({ assignmentDue: 3, inactive: 0 });
  });
});
