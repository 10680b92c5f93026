import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { AppError } from "@/lib/http/errors";
import { assertEnrollmentOpen, requireEnrollment } from "./course-access";
import { recomputeProgress } from "./progress";

async function requireLessonInCourse(courseId: string, lessonId: string) {
  const [row] = await db
    .select({ id: lessons.id, kind: lessons.kind })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
  return row;
}

/**
 * Writes the lesson's completion and recomputes the enrollment's progress, inside the caller's transaction. The
 * enrollment row is locked first, so concurrent completions in one enrollment count each other. Also used by quiz
 * grading: a passed quiz completes its lesson in the grading's transaction.
 */
export async function writeLessonCompletion(
  tx: Transaction,
  {
    courseId,
    enrollmentId,
    lessonId,
    completed,
    now,
  }: { courseId: string; enrollmentId: string; lessonId: string; completed: boolean; now: Date },
) {
  await tx.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.id, enrollmentId)).for("update");
  await tx
    .insert(lessonProgress)
    .values({ enrollmentId, lessonId, completed, completedAt: completed ? now : null, updatedAt: now })
    .onConflictDoUpdate({
      target: [lessonProgress.enrollmentId, lessonProgress.lessonId],
      set: {
        completed,
        completedAt: completed ? sql`coalesce(${lessonProgress.completedAt}, ${now.toISOString()}::timestamptz)` : null,
        updatedAt: now,
      },
    });
  const [updated] = await recomputeProgress(tx, courseId, { enrollmentId, accessedAt: now });
  return { lessonId, completed, progress: updated!.progress, courseCompleted: updated!.completedAt !== null };
}

/**
 * Marks a lesson complete (or not) and recomputes the enrollment's progress in the same transaction (./progress.ts).
 * A quiz is completed by passing it and an assignment by a passing grade, not by hand: both marking one complete and
 * undoing that are refused (409), so what was passed stays complete and what was not stays open.
 */
export async function setLessonCompleted(viewer: Viewer | null, courseId: string, lessonId: string, completed: boolean) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  assertEnrollmentOpen(enrollment);
  const lesson = await requireLessonInCourse(courseId, lessonId);
  if (lesson.kind === "quiz") {
    throw new AppError(
      "CONFLICT",
      completed ? "Pass the quiz to complete it." : "A quiz is complete once it is passed; that cannot be undone by hand.",
    );
  }
  if (lesson.kind === "assignment") {
    throw new AppError(
      "CONFLICT",
      completed
        ? "An assignment is complete once it is graded with a passing grade."
        : "An assignment is complete once it is graded with a passing grade; that cannot be undone by hand.",
    );
  }
  const result = await db.transaction((tx) =>
    writeLessonCompletion(tx, { courseId, enrollmentId: enrollment.id, lessonId, completed, now: new Date() }),
  );
  analyticsChanged(courseId);
  return result;
}

/** Keeps where the learner is in a lesson's video, so that any device resumes there. */
export async function saveVideoPosition(viewer: Viewer | null, courseId: string, lessonId: string, seconds: number) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  assertEnrollmentOpen(enrollment);
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

/** How stale enrollments.last_accessed_at may be before a visit writes it again: "last active" is coarse. */
export const LAST_ACCESS_REFRESH_MS = 5 * 60 * 1000;

/**
 * Records that the learner opened the lesson (the player tells once it is on screen): the lesson's progress row gets
 * updated_at now (it is then the lesson opened last, where the dashboard's "continue where you stopped" goes) and the
 * enrollment its last access, in one transaction. Nothing is written when the lesson already is the one used last and
 * the last access is recent, so reloading a lesson costs no write.
 */
export async function recordLessonOpened(viewer: Viewer | null, courseId: string, lessonId: string) {
  const { enrollment } = await requireEnrollment(viewer, courseId);
  await requireLessonInCourse(courseId, lessonId);
  const [last] = await db
    .select({ lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(eq(lessonProgress.enrollmentId, enrollment.id))
    .orderBy(desc(lessonProgress.updatedAt))
    .limit(1);
  const recent = enrollment.lastAccessedAt !== null && Date.now() - enrollment.lastAccessedAt.getTime() <= LAST_ACCESS_REFRESH_MS;
  if (recent && last?.lessonId === lessonId) return { lessonId, recorded: false };
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(lessonProgress)
      .values({ enrollmentId: enrollment.id, lessonId, updatedAt: now })
      .onConflictDoUpdate({ target: [lessonProgress.enrollmentId, lessonProgress.lessonId], set: { updatedAt: now } });
    await tx.update(enrollments).set({ lastAccessedAt: now }).where(eq(enrollments.id, enrollment.id));
  });
  return { lessonId, recorded: true };
}
