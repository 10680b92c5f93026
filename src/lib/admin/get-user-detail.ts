import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { adminUserColumns } from "./list-users";

/** Admins only: one user with the courses they teach and the courses they take. */
export async function getUserDetail(viewer: Viewer, userId: string) {
  requireRoleOf(viewer, "ADMIN");
  const [user] = await db.select(adminUserColumns).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
  const [teaching, learning] = await Promise.all([
    db
      .select({
        id: courses.id,
        title: courses.title,
        isPublished: courses.isPublished,
        updatedAt: courses.updatedAt,
        learners: count(enrollments.id),
      })
      .from(courses)
      .leftJoin(enrollments, eq(enrollments.courseId, courses.id))
      .where(eq(courses.instructorId, userId))
      .groupBy(courses.id)
      .orderBy(desc(courses.updatedAt)),
    db
      .select({
        courseId: courses.id,
        title: courses.title,
        progress: enrollments.progress,
        enrolledAt: enrollments.enrolledAt,
        completedAt: enrollments.completedAt,
      })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(eq(enrollments.learnerId, userId))
      .orderBy(desc(enrollments.enrolledAt)),
  ]);
  return { user, courses: teaching, enrollments: learning };
}
