import "server-only";
import { and, asc, eq, gt, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { assignments, assignmentSubmissions, courses, enrollments, lessons, modules, notificationReminders } from "@/lib/db/schema";
import type { NotificationKind } from "./kinds";
import { notify, type NewNotification } from "./notifications";

/** Reminders one transaction sends at most; the job goes on until none is due. */
const REMINDER_BATCH = 1_000;
/** A learner who has not opened a course for this long, under 100 %, is reminded of it once. */
export const INACTIVE_AFTER_DAYS = 14;
/** An assignment due within this many hours, not handed in, is reminded once per due date. */
export const DUE_WITHIN_HOURS = 24;

type Due = NewNotification & { subjectKey: string };

const reminded = (kind: NotificationKind, userId: unknown, subjectKey: unknown) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(notificationReminders)
      .where(
        and(
          eq(notificationReminders.userId, sql`${userId}`),
          eq(notificationReminders.kind, kind),
          eq(notificationReminders.subjectKey, sql`${subjectKey}`),
        ),
      ),
  );

/**
 * Records each reminder in notification_reminders and tells only the ones it recorded (a reminder another run recorded
 * first is skipped), in one transaction: a reminder is sent once, with the learner's preferences (it can be turned off).
 */
async function remind(kind: NotificationKind, due: Due[]): Promise<number> {
  if (due.length === 0) return 0;
  return db.transaction(async (tx) => {
    const recorded = await tx
      .insert(notificationReminders)
      .values(due.map((d) => ({ userId: d.userId, kind, subjectKey: d.subjectKey })))
      .onConflictDoNothing()
      .returning({ userId: notificationReminders.userId, subjectKey: notificationReminders.subjectKey });
    const fresh = new Set(recorded.map((r) => `${r.userId} ${r.subjectKey}`));
    await notify(
      tx,
      kind,
      due
        .filter((d) => fresh.has(`${d.userId} ${d.subjectKey}`))
        .map((d) => ({ userId: d.userId, title: d.title, body: d.body, link: d.link })),
    );
    return recorded.length;
  });
}

/** Assignments due within a day that a learner with an open enrollment has not handed in. */
async function dueAssignments(now: Date): Promise<Due[]> {
  const until = new Date(now.getTime() + DUE_WITHIN_HOURS * 3_600_000);
  const subject = sql`${lessons.id}::text || ':' || to_char(${assignments.dueAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')`;
  const rows = await db
    .select({
      userId: enrollments.learnerId,
      courseId: courses.id,
      courseTitle: courses.title,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      dueAt: assignments.dueAt,
      subjectKey: sql<string>`${subject}`,
    })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, modules.courseId))
    .innerJoin(enrollments, eq(enrollments.courseId, courses.id))
    .where(
      and(
        gt(assignments.dueAt, now),
        lte(assignments.dueAt, until),
        eq(courses.isPublished, true),
        or(isNull(enrollments.endsAt), gt(enrollments.endsAt, now)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(assignmentSubmissions)
            .where(and(eq(assignmentSubmissions.lessonId, lessons.id), eq(assignmentSubmissions.enrollmentId, enrollments.id))),
        ),
        reminded("assignment_due", enrollments.learnerId, subject),
      ),
    )
    .orderBy(asc(enrollments.learnerId), asc(lessons.id))
    .limit(REMINDER_BATCH);
  return rows.map((r) => ({
    userId: r.userId,
    subjectKey: r.subjectKey,
    title: `Due within a day: ${r.lessonTitle}`,
    body: `In ${r.courseTitle}, due ${r.dueAt!.toISOString().slice(0, 16).replace("T", " ")} UTC. You have not handed it in yet.`,
    link: `/my-courses/${r.courseId}/lessons/${r.lessonId}`,
  }));
}

/** Enrollments under 100 % whose learner has not opened the course for 14 days (since enrolling, if never). */
async function quietEnrollments(now: Date): Promise<Due[]> {
  const before = new Date(now.getTime() - INACTIVE_AFTER_DAYS * 86_400_000);
  const rows = await db
    .select({
      id: enrollments.id,
      userId: enrollments.learnerId,
      courseId: courses.id,
      courseTitle: courses.title,
      progress: enrollments.progress,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(
      and(
        lt(enrollments.progress, 100),
        lt(sql`coalesce(${enrollments.lastAccessedAt}, ${enrollments.enrolledAt})`, before),
        eq(courses.isPublished, true),
        or(isNull(enrollments.endsAt), gt(enrollments.endsAt, now)),
        reminded("inactive_reminder", enrollments.learnerId, sql`${enrollments.id}::text`),
      ),
    )
    .orderBy(asc(enrollments.id))
    .limit(REMINDER_BATCH);
  return rows.map((r) => ({
    userId: r.userId,
    subjectKey: r.id,
    title: `Pick up ${r.courseTitle} where you stopped`,
    body: `You are ${r.progress} % through it and have not opened it for two weeks.`,
    link: `/my-courses/${r.courseId}`,
  }));
}

/**
 * Sends what reminders are due (run hourly): assignments due within a day and not handed in, once per due date (a new
 * due date reminds again); enrollments gone quiet for two weeks under 100 %, once per enrollment.
 */
export async function sendReminders(now = new Date()): Promise<{ assignmentDue: number; inactive: number }> {
  const sent = { assignmentDue: 0, inactive: 0 };
  for (let due = await dueAssignments(now); due.length > 0; due = await dueAssignments(now)) {
    sent.assignmentDue += await remind("assignment_due", due);
    if (due.length < REMINDER_BATCH) break;
  }
  for (let due = await quietEnrollments(now); due.length > 0; due = await quietEnrollments(now)) {
    sent.inactive += await remind("inactive_reminder", due);
    if (due.length < REMINDER_BATCH) break;
  }
  return sent;
}
