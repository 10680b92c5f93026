import "server-only";
import { and, eq } from "drizzle-orm";
import { cache } from "react";
import { canAccessCourseContent, canEditCourse, canViewCourse } from "@/lib/auth/course-permissions";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

export type CourseAccess = {
  viewer: Viewer | null;
  course: { id: string; title: string; instructorId: string; instructorName: string | null; isPublished: boolean; totalLessons: number };
  enrollment: { id: string; progress: number; completedAt: Date | null; lastAccessedAt: Date | null } | null;
  canEdit: boolean;
};

/**
 * The course, the viewer's enrollment and what they may do, in one query, once per request: React's cache keys on the
 * viewer object, which getViewer gives once per render, so a page's metadata, body and loaders share it. Route
 * handlers have no render to cache in, so requireContentAccess passes the viewer it already read rather than reading the
 * session twice. A course the viewer may not see (an unpublished one, unless they edit it) is a 404.
 */
const courseAccessFor = cache(async (viewer: Viewer | null, courseId: string): Promise<CourseAccess> => {
  const [row] = await db
    .select({
      id: courses.id,
      title: courses.title,
      instructorId: courses.instructorId,
      instructorName: users.name,
      isPublished: courses.isPublished,
      totalLessons: courses.totalLessons,
      enrollmentId: enrollments.id,
      progress: enrollments.progress,
      completedAt: enrollments.completedAt,
      lastAccessedAt: enrollments.lastAccessedAt,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.learnerId, viewer?.id ?? "")))
    .where(eq(courses.id, courseId));
  if (!row || !canViewCourse(viewer, row)) throw new AppError("NOT_FOUND", "This course does not exist.");
  const { enrollmentId, progress, completedAt, lastAccessedAt, ...course } = row;
  return {
    viewer,
    course,
    enrollment: enrollmentId ? { id: enrollmentId, progress: progress!, completedAt, lastAccessedAt } : null,
    canEdit: canEditCourse(viewer, course),
  };
});

export async function loadCourseAccess(courseId: string): Promise<CourseAccess> {
  return courseAccessFor(await getViewer(), courseId);
}

/**
 * For lesson content, videos and materials: enrolled learners, the course's editors and admins. Signed out is a 401
 * before anything is looked up (the house order: 401, then 404, then 403); a course the user may not see is a 404; a
 * published course the user is not enrolled in is a 403.
 */
export async function requireContentAccess(courseId: string): Promise<CourseAccess & { viewer: Viewer }> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  const access = await courseAccessFor(viewer, courseId);
  if (!canAccessCourseContent(access.viewer, access.course, access.enrollment !== null)) {
    throw new AppError("FORBIDDEN", "Enroll in this course to open its lessons.");
  }
  return access as CourseAccess & { viewer: Viewer };
}

/** For progress writes: only an enrollment has progress. */
export async function requireEnrollment(courseId: string) {
  const access = await requireContentAccess(courseId);
  if (!access.enrollment) throw new AppError("FORBIDDEN", "Enroll in this course to track your progress.");
  return { ...access, enrollment: access.enrollment };
}
