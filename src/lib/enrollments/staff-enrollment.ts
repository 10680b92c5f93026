import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { db } from "@/lib/db/client";
import { cohortCourses, cohortMembers, cohorts, courses, enrollments, lessons, modules, users } from "@/lib/db/schema";
import { removeStoredObjects } from "@/lib/courses/remove-stored-objects";
import { storageKeys } from "@/lib/storage/keys";
import { AppError } from "@/lib/http/errors";
import type { StaffEnrollInput } from "@/lib/validation/school-enrollment";
import { insertEnrollments, requireActiveUsers } from "./enroll-users";

/**
 * Enrollment by staff: the course's instructor and admins enroll users, or a whole cohort, in a published course, and
 * unenroll them. Enrolling a cohort records the cohort-course link, so that members added later are enrolled too
 * (src/lib/cohorts/manage-cohorts.ts). Learners already enrolled are left as they are and reported.
 */

export type StaffEnrollResult = {
  enrolled: string[];
  alreadyEnrolled: string[];
  cohort: { id: string; name: string } | null;
};

export async function enrollByStaff(viewer: Viewer | null, courseId: string, input: StaffEnrollInput): Promise<StaffEnrollResult> {
  const course = await requireCourseEditor(viewer, courseId);
  if (!course.isPublished) throw new AppError("CONFLICT", "Publish this course before enrolling anyone in it.");
  const by = { actorId: viewer!.id, endsAt: input.endsAt ?? null };
  const result = await db.transaction(async (tx) => {
    const lockCourse = () => tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for("update");
    if (input.userIds) {
      await lockCourse();
      const ids = await requireActiveUsers(tx, input.userIds);
      return { ...(await insertEnrollments(tx, courseId, ids, by)), cohort: null };
    }
    // The cohort, then the course, in the order adding members takes them: a member added meanwhile waits, then is
    // enrolled through the link this makes.
    const [cohort] = await tx
      .select({ id: cohorts.id, name: cohorts.name })
      .from(cohorts)
      .where(eq(cohorts.id, input.cohortId!))
      .for("no key update");
    if (!cohort) throw new AppError("NOT_FOUND", "This cohort does not exist.", { fields: { cohortId: "No such cohort." } });
    await lockCourse();
    await tx
      .insert(cohortCourses)
      .values({ cohortId: cohort.id, courseId, endsAt: by.endsAt, addedBy: by.actorId })
      .onConflictDoUpdate({ target: [cohortCourses.cohortId, cohortCourses.courseId], set: { endsAt: by.endsAt } });
    // Disabled members are skipped, not refused: the cohort is the school's list, and a disabled account cannot sign in.
    const members = await tx
      .select({ id: cohortMembers.userId })
      .from(cohortMembers)
      .innerJoin(users, eq(users.id, cohortMembers.userId))
      .where(and(eq(cohortMembers.cohortId, cohort.id), sql`${users.disabledAt} is null`));
    return {
      ...(await insertEnrollments(
        tx,
        courseId,
        members.map((m) => m.id),
        by,
      )),
      cohort,
    };
  });
  if (result.enrolled.length > 0) analyticsChanged(courseId);
  return result;
}

/**
 * Unenrolls a learner: the enrollment goes, and with it (the foreign keys cascade) their lesson progress, quiz attempts
 * and answers, extra attempts granted, and assignment submissions with their versions. It cannot be undone. The files
 * they uploaded for the course's assignments (their own folder under each assignment) are deleted after the commit.
 */
export async function unenrollByStaff(viewer: Viewer | null, courseId: string, learnerId: string) {
  await requireCourseEditor(viewer, courseId);
  const assignmentLessons = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(modules.courseId, courseId), eq(lessons.kind, "assignment")));
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(enrollments)
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.learnerId, learnerId)))
      .returning({ id: enrollments.id });
    if (removed.length === 0) throw new AppError("NOT_FOUND", "This user is not enrolled in this course.");
    await tx
      .update(courses)
      .set({ enrollmentCount: sql`greatest(${courses.enrollmentCount} - 1, 0)` })
      .where(eq(courses.id, courseId));
  });
  await removeStoredObjects({ prefixes: assignmentLessons.map((l) => storageKeys.learnerSubmissionsPrefix(l.id, learnerId)) });
  analyticsChanged(courseId);
}

/** Sets (or clears, with null) the date after which the course is read-only for this learner. */
export async function setEnrollmentEnd(viewer: Viewer | null, courseId: string, learnerId: string, endsAt: Date | null) {
  await requireCourseEditor(viewer, courseId);
  const [row] = await db
    .update(enrollments)
    .set({ endsAt })
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.learnerId, learnerId)))
    .returning({ learnerId: enrollments.learnerId, endsAt: enrollments.endsAt });
  if (!row) throw new AppError("NOT_FOUND", "This user is not enrolled in this course.");
  return row;
}

export const ENROLLMENTS_PAGE_SIZE = 25;

/**
 * For the course's staff: one page of its learners (newest first, with their end dates), and the account an exact
 * e-mail address names, to enroll. Staff find people by their whole address only: instructors may not browse users.
 */
export async function staffEnrollmentsPage(viewer: Viewer | null, courseId: string, page: number, email: string | undefined) {
  const course = await requireCourseEditor(viewer, courseId);
  const where = eq(enrollments.courseId, courseId);
  const [rows, [total], match] = await Promise.all([
    db
      .select({
        learnerId: enrollments.learnerId,
        name: users.name,
        email: users.email,
        enrolledAt: enrollments.enrolledAt,
        endsAt: enrollments.endsAt,
        progress: enrollments.progress,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.learnerId))
      .where(where)
      .orderBy(sql`${enrollments.enrolledAt} desc`, enrollments.id)
      .limit(ENROLLMENTS_PAGE_SIZE)
      .offset((page - 1) * ENROLLMENTS_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(enrollments)
      .where(where),
    email
      ? db
          .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, enrollmentId: enrollments.id })
          .from(users)
          .leftJoin(enrollments, and(eq(enrollments.learnerId, users.id), eq(enrollments.courseId, courseId)))
          .where(sql`lower(${users.email}) = lower(${email})`)
      : Promise.resolve([]),
  ]);
  const count = total?.n ?? 0;
  const found = match[0];
  return {
    course: { id: course.id, title: course.title, isPublished: course.isPublished },
    rows,
    total: count,
    page,
    pageCount: Math.max(1, Math.ceil(count / ENROLLMENTS_PAGE_SIZE)),
    match: found
      ? { id: found.id, name: found.name, email: found.email, disabled: found.disabledAt !== null, enrolled: found.enrollmentId !== null }
      : null,
  };
}
