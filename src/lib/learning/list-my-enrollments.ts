import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";

/** The signed-in user's enrollments, most recently used first, with progress. */
export async function listMyEnrollments() {
  const viewer = await requireUser();
  return db
    .select({
      courseId: courses.id,
      title: courses.title,
      instructorName: users.name,
      totalLessons: courses.totalLessons,
      progress: enrollments.progress,
      enrolledAt: enrollments.enrolledAt,
      completedAt: enrollments.completedAt,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(eq(enrollments.learnerId, viewer.id))
    .orderBy(desc(sql`coalesce(${enrollments.lastAccessedAt}, ${enrollments.enrolledAt})`), courses.id);
}
