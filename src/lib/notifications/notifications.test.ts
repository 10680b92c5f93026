import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentCourse, enrolledLearner } from "../../../tests/helpers/assignment-db";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { gradeSubmission } from "@/lib/assignments/grading";
import { submitAssignment } from "@/lib/assignments/submissions";
import { updateCourse } from "@/lib/courses/manage-course";
import { db } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { notificationListQuerySchema, notificationPreferencesSchema, readNotificationsSchema } from "@/lib/validation/notifications";
import { getNotificationPreferences, listNotifications, markNotificationsRead, notify, setNotificationPreferences } from "./notifications";

withTestDatabase();

const list = (viewer: Parameters<typeof listNotifications>[0], query: Record<string, string> = {}) =>
  listNotifications(viewer, notificationListQuerySchema.parse(query));
const kindsOf = async (userId: string) =>
  (await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();

describe("notifications", () => {
  it("tells the learner and the instructor along the way: enrolled, a submission waiting, graded, completed, the certificate", async () => {
    const f = await assignmentCourse({ acceptText: true, maxPoints: 10, passingPoints: 5 });
    await updateCourse(f.instructor, f.courseId, { certificateEnabled: true });
    const learner = await enrolledLearner(f.courseId);
    expect(await kindsOf(learner.id)).toEqual(["enrolled"]);

    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    const handedIn = await submitAssignment(learner, f.courseId, f.lessonId, { text: "My essay.", uploadIds: [] });
    const waiting = await list(f.instructor);
    expect(waiting.notifications.map((n) => [n.kind, n.title, n.link])).toEqual([
      ["submission_waiting", "A submission waits: Essay", `/instructor/courses/${f.courseId}/submissions/${handedIn.submission.id}`],
    ]);

    await gradeSubmission(f.instructor, f.courseId, handedIn.submission.id, { points: 8, feedback: "Good.", returnForRevision: false });
    expect(await kindsOf(learner.id)).toEqual(["assignment_graded", "certificate_issued", "course_completed", "enrolled"]);
    const mine = await list(learner, { unread: "1" });
    expect(mine.unreadCount).toBe(4);
    const graded = mine.notifications.find((n) => n.kind === "assignment_graded")!;
    expect(graded).toMatchObject({
      title: "Graded: Essay",
      body: "8 of 10 points: passed.",
      link: `/my-courses/${f.courseId}/lessons/${f.lessonId}`,
    });

    // Undone and done again, the course is completed again but the certificate stays the one issued.
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, false);
    await setLessonCompleted(learner, f.courseId, f.readingLessonId, true);
    expect((await kindsOf(learner.id)).filter((k) => k === "certificate_issued")).toHaveLength(1);
  });

  it("writes nothing when the change rolls back, and nothing to a user who turned the kind off", async () => {
    const a = await insertUser();
    const b = await insertUser();
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, "enrolled", [{ userId: a.id, title: "T", link: "/" }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await kindsOf(a.id)).toEqual([]);

    await setNotificationPreferences(
      b,
      notificationPreferencesSchema.parse({ preferences: [{ kind: "enrolled", channel: "app", enabled: false }] }),
    );
    const written = await db.transaction((tx) =>
      notify(tx, "enrolled", [
        { userId: a.id, title: "T", link: "/" },
        { userId: b.id, title: "T", link: "/" },
      ]),
    );
    expect(written).toBe(1);
    expect(await kindsOf(b.id)).toEqual([]);
    const prefs = await getNotificationPreferences(b);
    expect(prefs.preferences.find((p) => p.kind === "enrolled")!.channels).toEqual({ app: false, email: true });
    expect(prefs.preferences.find((p) => p.kind === "certificate_issued")!.channels).toEqual({ app: true, email: true });
    expect(prefs.preferences.find((p) => p.kind === "password_changed")).toMatchObject({ locked: true, channels: { email: true } });
    // A channel the kind does not use, and a security kind turned off: refused, nothing saved.
    for (const refused of [
      { kind: "new_enrollments", channel: "app", enabled: false },
      { kind: "password_changed", channel: "email", enabled: false },
    ]) {
      await expect(setNotificationPreferences(b, notificationPreferencesSchema.parse({ preferences: [refused] }))).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
      });
    }
    expect((await getNotificationPreferences(b)).preferences).toEqual(prefs.preferences);
    expect(notificationPreferencesSchema.safeParse({ preferences: [{ kind: "nope", channel: "app", enabled: true }] }).success).toBe(false);
  });

  it("pages newest first with a cursor, and marks one's own read (by id or all), never someone else's", async () => {
    const me = await insertUser();
    const other = await insertUser();
    const t0 = Date.parse("2031-01-01T00:00:00Z");
    await db.insert(notifications).values(
      Array.from({ length: 25 }, (_, i) => ({
        userId: me.id,
        kind: "enrolled",
        title: `N${i}`,
        link: "/",
        createdAt: new Date(t0 + i * 1000),
      })),
    );
    const [theirs] = await db.insert(notifications).values({ userId: other.id, kind: "enrolled", title: "Theirs", link: "/" }).returning();
    const first = await list(me);
    expect(first.notifications.map((n) => n.title)).toEqual(Array.from({ length: 20 }, (_, i) => `N${24 - i}`));
    const second = await list(me, { cursor: first.nextCursor! });
    expect(second.notifications.map((n) => n.title)).toEqual(["N4", "N3", "N2", "N1", "N0"]);
    expect(second.nextCursor).toBeNull();

    const marked = await markNotificationsRead(me, readNotificationsSchema.parse({ ids: [first.notifications[0]!.id, theirs!.id] }));
    expect(marked).toEqual({ marked: 1, unreadCount: 24 });
    expect((await list(other)).unreadCount).toBe(1);
    expect(await markNotificationsRead(me, readNotificationsSchema.parse({ all: true }))).toEqual({ marked: 24, unreadCount: 0 });
    expect((await list(me, { unread: "1" })).notifications).toEqual([]);
    expect(readNotificationsSchema.safeParse({ ids: ["x"], all: true }).success).toBe(false);
  });
});
