import "server-only";
import { count, desc, eq, type SQL } from "drizzle-orm";
import { taughtCourseCondition } from "@/lib/auth/course-permissions";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";

function managedCourses(where?: SQL) {
  return db
    .select({
      id: courses.id,
      title: courses.title,
      slug: courses.slug,
      isPublished: courses.isPublished,
      updatedAt: courses.updatedAt,
      totalLessons: courses.totalLessons,
      instructorName: users.name,
      instructorEmail: users.email,
      learners: count(enrollments.id),
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .leftJoin(enrollments, eq(enrollments.courseId, courses.id))
    .where(where)
    .groupBy(courses.id, users.name, users.email)
    .orderBy(desc(courses.updatedAt), courses.id);
}

/** The courses the instructor (or admin) teaches, with status, learners and last update. */
export async function listInstructorCourses(viewer: Viewer | null) {
  const instructor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  return managedCourses(taughtCourseCondition(instructor));
}

/** Admins: every course with its owner. */
export async function listAllCourses(viewer: Viewer | null) {
  requireRoleOf(viewer, "ADMIN");
  return managedCourses();
}
