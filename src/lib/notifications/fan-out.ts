import "server-only";
import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import { db, type Transaction } from "@/lib/db/client";
import { courses, enrollments, lessons, modules } from "@/lib/db/schema";
import { JOB_NAMES } from "@/lib/jobs/names";
import { enqueue } from "@/lib/jobs/queue";
import { notify } from "./notifications";

/** Learners one fan-out job tells: one transaction and a handful of statements per slice, however large the course. */
export const FAN_OUT_BATCH = 1_000;

export type NewLessonFanOut = { courseId: string; lessonId: string; after: string };

/** Called in the transaction that adds a lesson to a published course: the fan-out starts once it commits. */
export async function startNewLessonFanOut(tx: Transaction, courseId: string, lessonId: string) {
  await enqueue<NewLessonFanOut>(JOB_NAMES.newLessonFanOut, { courseId, lessonId, after: "" }, { tx });
}

/**
 * One slice of "a new lesson": the next FAN_OUT_BATCH learners of the course (by id, after `after`) whose enrollment has
 * not ended get the in-app notification and an item for their daily digest of that course; the job for the next slice
 * is enqueued in the same transaction, so a slice is told once and the chain never breaks or doubles (a retried slice
 * rolled back whole). A lesson deleted or a course unpublished meanwhile ends the chain. Returns how many were told.
 */
export async function fanOutNewLesson(job: NewLessonFanOut, now = new Date()): Promise<{ told: number; next: boolean }> {
  return db.transaction(async (tx) => {
    const [about] = await tx
      .select({ lesson: lessons.title, course: courses.title, published: courses.isPublished })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .innerJoin(courses, eq(courses.id, modules.courseId))
      .where(and(eq(lessons.id, job.lessonId), eq(courses.id, job.courseId)));
    if (!about?.published) return { told: 0, next: false };
    const learners = await tx
      .select({ learnerId: enrollments.learnerId })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.courseId, job.courseId),
          gt(enrollments.learnerId, job.after),
          or(isNull(enrollments.endsAt), gt(enrollments.endsAt, now)),
        ),
      )
      .orderBy(asc(enrollments.learnerId))
      .limit(FAN_OUT_BATCH);
    await notify(
      tx,
      "new_lesson",
      learners.map((l) => ({
        userId: l.learnerId,
        title: `New lesson in ${about.course}: ${about.lesson}`,
        body: null,
        link: `/my-courses/${job.courseId}/lessons/${job.lessonId}`,
        groupKey: job.courseId,
      })),
    );
    const next = learners.length === FAN_OUT_BATCH;
    if (next) await enqueue<NewLessonFanOut>(JOB_NAMES.newLessonFanOut, { ...job, after: learners.at(-1)!.learnerId }, { tx });
    return { told: learners.length, next };
  });
}
