import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/lib/db/client";
import { courses, enrollments, lessons, users } from "@/lib/db/schema";
import { notify } from "./notifications";

/**
 * "You are enrolled": to each learner just enrolled (by themself, staff, a cohort, an invitation or an import); and, for
 * the course's instructor's daily digest, who enrolled.
 */
export async function notifyEnrolled(tx: Database | Transaction, courseId: string, courseTitle: string, learnerIds: string[]) {
  if (learnerIds.length === 0) return;
  await notify(
    tx,
    "enrolled",
    learnerIds.map((userId) => ({
      userId,
      title: `You are enrolled in ${courseTitle}`,
      body: "Start with its first lesson whenever you like.",
      link: `/my-courses/${courseId}`,
    })),
  );
  const [course] = await tx.select({ instructorId: courses.instructorId }).from(courses).where(eq(courses.id, courseId));
  const learners = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, learnerIds));
  await notify(
    tx,
    "new_enrollments",
    learners
      .filter((l) => l.id !== course!.instructorId)
      .map((l) => ({
        userId: course!.instructorId,
        title: `${l.name?.trim() || l.email} enrolled in ${courseTitle}`,
        link: `/instructor/courses/${courseId}/enrollments`,
      })),
  );
}

/** "You completed": to the learners of these enrollments, which just reached 100 % (not again on a later recount). */
export async function notifyCompleted(tx: Database | Transaction, courseId: string, enrollmentIds: string[]) {
  const rows = await tx
    .select({ learnerId: enrollments.learnerId, title: courses.title, certificates: courses.certificateEnabled })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(inArray(enrollments.id, enrollmentIds));
  return notify(
    tx,
    "course_completed",
    rows.map((r) => ({
      userId: r.learnerId,
      title: `You completed ${r.title}`,
      body: r.certificates ? "Well done. Your certificate is in My certificates." : "Well done: every lesson is done.",
      link: r.certificates ? "/my-certificates" : `/my-courses/${courseId}`,
    })),
  );
}

/** "A submission waits": to the course's instructor, when a learner hands in (a first time or again). */
export async function notifySubmissionWaiting(tx: Database | Transaction, courseId: string, lessonId: string, submissionId: string) {
  const [row] = await tx
    .select({ instructorId: courses.instructorId, lesson: lessons.title })
    .from(courses)
    .innerJoin(lessons, eq(lessons.id, lessonId))
    .where(eq(courses.id, courseId));
  if (!row) return 0;
  return notify(tx, "submission_waiting", [
    {
      userId: row.instructorId,
      title: `A submission waits: ${row.lesson}`,
      body: "A learner handed in work to grade.",
      link: `/instructor/courses/${courseId}/submissions/${submissionId}`,
    },
  ]);
}
