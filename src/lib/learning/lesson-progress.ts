import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { AppError } from "@/lib/http/errors";
import { requireEnrollment } from "./course-access";
import { recomputeProgress } from "./progress";

async function requireLessonInCourse(courseId: string, lessonId: string) {
  const [row] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
}

/**
 * Marks a lesson complete (or not) and recomputes the enrollment's progress in the same transaction (./progress.ts).
 * The enrollment row is locked first, so concurrent completions in one enrollment count each other.
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
        set: {
          completed,
          completedAt: completed ? sql`coalesce(${lessonProgress.completedAt}, ${now.toISOString()}::timestamptz)` : null,
          updatedAt: now,
        },
      });
    const [updated] = await recomputeProgress(tx, courseId, { enrollmentId: enrollment.id, accessedAt: now });
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
