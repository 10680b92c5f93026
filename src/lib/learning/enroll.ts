import "server-only";
import { notifyEnrolled } from "@/lib/notifications/triggers";
import { eq, sql } from "drizzle-orm";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments } from "@/lib/db/schema";
import { SELF_ENROLLMENT_OFF_MESSAGE } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { loadCourseAccess } from "./course-access";

/**
 * Enrolls the viewer in a published course. Idempotent: the unique (course, learner) constraint makes a double
 * click or two tabs one enrollment, and the course's enrollment_count moves only for the insert that happened.
 */
export async function enroll(viewer: Viewer | null, courseId: string) {
  const learner = requireSignedIn(viewer);
  const access = await loadCourseAccess(learner, courseId);
  if (!access.course.isPublished) throw new AppError("CONFLICT", "This course is not published yet, so nobody can enroll.");
  if (!access.course.selfEnrollment && !access.enrollment) throw new AppError("FORBIDDEN", SELF_ENROLLMENT_OFF_MESSAGE);
  const result = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(enrollments)
      .values({ courseId, learnerId: learner.id, lastAccessedAt: new Date() })
      .onConflictDoNothing({ target: [enrollments.courseId, enrollments.learnerId] })
      .returning({ id: enrollments.id, progress: enrollments.progress, enrolledAt: enrollments.enrolledAt });
    if (created) {
      await tx
        .update(courses)
        .set({ enrollmentCount: sql`${courses.enrollmentCount} + 1` })
        .where(eq(courses.id, courseId));
      await notifyEnrolled(tx, courseId, access.course.title, [learner.id]);
      return { enrollment: created, created: true };
    }
    const [existing] = await tx
      .select({ id: enrollments.id, progress: enrollments.progress, enrolledAt: enrollments.enrolledAt })
      .from(enrollments)
      .where(sql`${enrollments.courseId} = ${courseId} and ${enrollments.learnerId} = ${learner.id}`);
    return { enrollment: existing!, created: false };
  });
  // The catalog's "most enrolled" order may lag by its one-second cache; not worth a cache drop per enrollment.
  return result;
}
