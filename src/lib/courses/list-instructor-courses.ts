import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";

/** The courses the signed-in instructor (or admin) teaches, with status, learners and last update. Every course: /admin/courses. */
export async function listInstructorCourses() {
  const viewer = await requireRole("INSTRUCTOR", "ADMIN");
  return db
    .select({
      id: courses.id,
      title: courses.title,
      isPublished: courses.isPublished,
      updatedAt: courses.updatedAt,
      totalLessons: courses.totalLessons,
      instructorName: users.name,
      learners: count(enrollments.id),
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .leftJoin(enrollments, eq(enrollments.courseId, courses.id))
    .where(eq(courses.instructorId, viewer.id))
    .groupBy(courses.id, users.name)
    .orderBy(desc(courses.updatedAt), courses.id);
}
