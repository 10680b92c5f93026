import "server-only";
import { and, eq } from "drizzle-orm";
import { cache } from "react";
import { canAccessCourseContent, canEditCourse, canViewCourse } from "@/lib/auth/course-permissions";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";
import { ENROLLMENT_ENDED_MESSAGE } from "@/lib/format";
import { AppError } from "@/lib/http/errors";

export type CourseAccess = {
  course: {
    id: string;
    slug: string;
    title: string;
    instructorId: string;
    instructorName: string | null;
    isPublished: boolean;
    totalLessons: number;
    /** False: only staff enroll learners (the course page offers no Enroll button). */
    selfEnrollment: boolean;
    /** Completing the course awards a certificate. */
    certificateEnabled: boolean;
  };
  enrollment: { id: string; progress: number; completedAt: Date | null; lastAccessedAt: Date | null; endsAt: Date | null } | null;
  canEdit: boolean;
};

/**
 * The course, the viewer's enrollment and what they may do, in one query, once per request: React's cache keys on the
 * viewer object, which the page helper gives once per render, so a page's metadata, body and loaders share it. Route
 * handlers have no render to cache in; they pass the one viewer the wrapper resolved, so the session is read once
 * there too. A course the viewer may not see (an unpublished one, unless they edit it) is a 404.
 */
export const loadCourseAccess = cache(async (viewer: Viewer | null, courseId: string): Promise<CourseAccess> => {
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      instructorId: courses.instructorId,
      instructorName: users.name,
      isPublished: courses.isPublished,
      totalLessons: courses.totalLessons,
      selfEnrollment: courses.selfEnrollment,
      certificateEnabled: courses.certificateEnabled,
      enrollmentId: enrollments.id,
      progress: enrollments.progress,
      completedAt: enrollments.completedAt,
      lastAccessedAt: enrollments.lastAccessedAt,
      endsAt: enrollments.endsAt,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.learnerId, viewer?.id ?? "")))
    .where(eq(courses.id, courseId));
  if (!row || !canViewCourse(viewer, row)) throw new AppError("NOT_FOUND", "This course does not exist.");
  const { enrollmentId, progress, completedAt, lastAccessedAt, endsAt, ...course } = row;
  return {
    course,
    enrollment: enrollmentId ? { id: enrollmentId, progress: progress!, completedAt, lastAccessedAt, endsAt } : null,
    canEdit: canEditCourse(viewer, course),
  };
});

/**
 * For lesson content, videos and materials: enrolled learners, the course's editors and admins. Signed out is a 401
 * before anything is looked up (the house order: 401, then 404, then 403); a course the user may not see is a 404; a
 * published course the user is not enrolled in is a 403.
 */
export async function requireContentAccess(viewer: Viewer | null, courseId: string): Promise<CourseAccess> {
  const user = requireSignedIn(viewer);
  const access = await loadCourseAccess(user, courseId);
  if (!canAccessCourseContent(user, access.course, access.enrollment !== null)) {
    throw new AppError("FORBIDDEN", "Enroll in this course to open its lessons.");
  }
  return access;
}

/** For progress writes: only an enrollment has progress. */
export async function requireEnrollment(viewer: Viewer | null, courseId: string) {
  const access = await requireContentAccess(viewer, courseId);
  if (!access.enrollment) throw new AppError("FORBIDDEN", "Enroll in this course to track your progress.");
  return { ...access, enrollment: access.enrollment };
}

/** Whether staff set an end date on the enrollment and it has passed: the course is then read-only for the learner. */
export function enrollmentEnded(enrollment: { endsAt: Date | null } | null, now = new Date()): boolean {
  return enrollment?.endsAt != null && enrollment.endsAt.getTime() <= now.getTime();
}

/**
 * The one check every learner write goes through (completion, video position, quiz starts, saves and submits,
 * assignment uploads and hand-ins): past the enrollment's end date it is a 403 saying the enrollment ended.
 */
export function assertEnrollmentOpen(enrollment: { endsAt: Date | null } | null, now = new Date()): void {
  if (enrollmentEnded(enrollment, now)) throw new AppError("FORBIDDEN", ENROLLMENT_ENDED_MESSAGE);
}
