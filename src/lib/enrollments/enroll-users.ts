import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { notifyEnrolled } from "@/lib/notifications/triggers";

/**
 * Enrollment by someone else (staff, a cohort's link): the rows, inside the caller's transaction. A learner already
 * enrolled is left as they are (their end date too) and reported; the course's enrollment_count moves by the rows
 * really inserted, as self-enrollment does.
 */
export async function insertEnrollments(
  tx: Transaction,
  courseId: string,
  learnerIds: string[],
  by: { actorId: string; endsAt: Date | null },
): Promise<{ enrolled: string[]; alreadyEnrolled: string[] }> {
  if (learnerIds.length === 0) return { enrolled: [], alreadyEnrolled: [] };
  const now = new Date();
  const created = await tx
    .insert(enrollments)
    .values(learnerIds.map((learnerId) => ({ courseId, learnerId, enrolledBy: by.actorId, endsAt: by.endsAt, enrolledAt: now })))
    .onConflictDoNothing({ target: [enrollments.courseId, enrollments.learnerId] })
    .returning({ learnerId: enrollments.learnerId });
  if (created.length > 0) {
    const [course] = await tx
      .update(courses)
      .set({ enrollmentCount: sql`${courses.enrollmentCount} + ${created.length}` })
      .where(eq(courses.id, courseId))
      .returning({ title: courses.title });
    await notifyEnrolled(
      tx,
      courseId,
      course!.title,
      created.map((r) => r.learnerId),
    );
  }
  const enrolled = new Set(created.map((r) => r.learnerId));
  return { enrolled: [...enrolled], alreadyEnrolled: learnerIds.filter((id) => !enrolled.has(id)) };
}

/**
 * The users to enroll or add: each must exist and not be disabled, or the request is a 400 naming them (nothing is
 * written).
 */
export async function requireActiveUsers(tx: Transaction, userIds: string[]): Promise<string[]> {
  const rows = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, userIds));
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = userIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError("VALIDATION_FAILED", `${missing.length === 1 ? "A user does" : `${missing.length} users do`} not exist.`, {
      fields: { userIds: `No such user: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}` },
    });
  }
  const disabled = rows.filter((r) => r.disabledAt !== null).map((r) => r.id);
  if (disabled.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Disabled accounts cannot be enrolled or added.", {
      fields: { userIds: `Disabled: ${disabled.slice(0, 5).join(", ")}${disabled.length > 5 ? "…" : ""}` },
    });
  }
  return userIds;
}

/** Whether the user is enrolled in the course, for the caller's checks. */
export async function enrollmentOf(tx: Transaction, courseId: string, learnerId: string) {
  const [row] = await tx
    .select({ id: enrollments.id, endsAt: enrollments.endsAt })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.learnerId, learnerId)));
  return row ?? null;
}
