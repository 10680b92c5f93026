import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { AppError } from "@/lib/http/errors";
import { requireEnrollment } from "./course-access";

async function requireLessonInCourse(courseId: string, lessonId: string) {
  const [row] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
}

/**
 * Marks a lesson complete (or not) and recomputes the enrollment's progress in the same transaction: completed lessons
 * of the course / its lessons, rounded down, 100 only when all are done. The enrollment row is locked first, so
 * concurrent completions in one enrollment count each other.
 */
export async function setLessonCompleted(viewer: Viewer | null, courseId: string, lessonId: string, completed: boolean) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  await requireLessonInCourse(courseId, lessonId);
  const result = await db.transaction(async (tx) => {
    await tx.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.id, enrollment.id)).for("update");
    const now = new Date();
    await tx
      .insert(lessonProgress)
      .values({ enrollmentId: enrollment.id, lessonId, completed, completedAt: completed ? now : null, updatedAt: now })
      .onConflictDoUpdate({
        target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
        set: { completed, completedAt: completed ? sql`coalesce(${lessonProgress.completedAt}, ${now.toISOString()}::timestamptz)` : null, updatedAt: now },
      });
    const total = sql`(select count(*)::int from ${lessons} l join ${modules} m on m.id = l.module_id where m.course_id = ${courseId})`;
    const done = sql`(select count(*)::int from ${lessonProgress} lp join ${lessons} l on l.id = lp.lesson_id
      join ${modules} m on m.id = l.module_id
      where lp.enrollment_id = ${enrollment.id} and lp.completed and m.course_id = ${courseId})`;
    const [updated] = await tx
      .update(enrollments)
      .set({
        progress: sql`case when ${total} = 0 then 0 else (100 * ${done}) / ${total} end`,
        completedAt: sql`case when ${total} > 0 and ${done} = ${total} then coalesce(${enrollments.completedAt}, now()) else null end`,
        lastAccessedAt: now,
      })
      .where(eq(enrollments.id, enrollment.id))
      .returning({ progress: enrollments.progress, completedAt: enrollments.completedAt });
    return { lessonId, completed, progress: updated!.progress, courseCompleted: updated!.completedAt !== null };
  });
  analyticsChanged(courseId);
  return result;
}

/** Keeps where the learner is in a lesson's video, so that any device resumes there. */
export async function saveVideoPosition(viewer: Viewer | null, courseId: string, lessonId: string, seconds: number) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  await requireLessonInCourse(courseId, lessonId);
  const now = new Date();
  await db
    .insert(lessonProgress)
    .values({ enrollmentId: enrollment.id, lessonId, videoPosition: seconds, updatedAt: now })
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: { videoPosition: seconds, updatedAt: now },
    });
  return { lessonId, position: seconds };
}
