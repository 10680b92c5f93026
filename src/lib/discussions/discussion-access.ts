import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { canEditCourse, canViewCourse } from "@/lib/auth/course-permissions";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { courses, discussionMutes, enrollments, lessons, modules, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { assertEnrollmentOpen } from "@/lib/learning/course-access";

/**
 * Who may read and post in a course's discussions, decided here only. Members are the learners enrolled in the course
 * (of a published course; an enrollment whose end date has passed still reads but no longer posts), the course's
 * instructor and admins; nobody else, and a disabled account nothing (401, as its session is). Moderators are the
 * course's editors: its instructor and admins. Muted members read but do not post.
 */
export type DiscussionAccess = {
  courseId: string;
  courseTitle: string;
  instructorId: string;
  userId: string;
  moderator: boolean;
  enrollment: { endsAt: Date | null } | null;
  muted: boolean;
};

export async function requireDiscussionAccess(
  viewer: Viewer | null,
  courseId: string,
  tx: Database | Transaction = db,
): Promise<DiscussionAccess> {
  const user = requireSignedIn(viewer);
  const [row] = await tx
    .select({
      disabledAt: users.disabledAt,
      role: users.role,
      courseId: courses.id,
      title: courses.title,
      instructorId: courses.instructorId,
      isPublished: courses.isPublished,
      enrollmentId: enrollments.id,
      endsAt: enrollments.endsAt,
      muted: sql<boolean>`${discussionMutes.userId} is not null`,
    })
    .from(users)
    .leftJoin(courses, eq(courses.id, courseId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, courses.id), eq(enrollments.learnerId, users.id)))
    .leftJoin(discussionMutes, and(eq(discussionMutes.courseId, courses.id), eq(discussionMutes.userId, users.id)))
    .where(eq(users.id, user.id));
  if (!row || row.disabledAt) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  // The role as stored now, not as the session remembers it.
  const actor = { id: user.id, role: row.role };
  if (!row.courseId || !canViewCourse(actor, { instructorId: row.instructorId!, isPublished: row.isPublished! })) {
    throw new AppError("NOT_FOUND", "This course does not exist.");
  }
  const moderator = canEditCourse(actor, { instructorId: row.instructorId!, isPublished: row.isPublished! });
  if (!moderator && !(row.enrollmentId && row.isPublished)) {
    throw new AppError("FORBIDDEN", "Enroll in this course to read and join its questions.");
  }
  return {
    courseId: row.courseId,
    courseTitle: row.title!,
    instructorId: row.instructorId!,
    userId: user.id,
    moderator,
    enrollment: row.enrollmentId ? { endsAt: row.endsAt } : null,
    muted: row.muted,
  };
}

/** For a post, an edit, a vote or a report: an ended enrollment reads only, a muted member does not post. */
export function assertMayWrite(access: DiscussionAccess, what: "post" | "vote" = "post"): void {
  if (access.moderator) return;
  assertEnrollmentOpen(access.enrollment);
  if (what === "post" && access.muted) {
    throw new AppError("FORBIDDEN", "An instructor has muted you in this course's discussions: you can read them but not post.");
  }
}

export function requireModerator(access: DiscussionAccess): void {
  if (!access.moderator) throw new AppError("FORBIDDEN", "Only the course's instructors and admins can do this.");
}

/** 404 unless the lesson is one of the course's. */
export async function assertLessonOfCourse(courseId: string, lessonId: string, tx: Database | Transaction = db): Promise<string> {
  const [row] = await tx
    .select({ title: lessons.title })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
  return row.title;
}

/** The course's board page: its title and whether the viewer moderates it (403 and 404 as for reading). */
export async function getDiscussionBoard(viewer: Viewer | null, courseId: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  return { courseId: access.courseId, courseTitle: access.courseTitle, moderator: access.moderator };
}
