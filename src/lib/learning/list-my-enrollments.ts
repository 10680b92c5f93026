import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";

/** The viewer's enrollments, most recently used first, with progress. */
export async function listMyEnrollments(viewer: Viewer) {
  return db
    .select({
      courseId: courses.id,
      title: courses.title,
      instructorName: users.name,
      totalLessons: courses.totalLessons,
      progress: enrollments.progress,
      enrolledAt: enrollments.enrolledAt,
      completedAt: enrollments.completedAt,
      // The first lesson not completed, in course order; the first lesson once all are done.
      nextLessonId: sql<string | null>`(
        select l.id from lessons l join modules m on m.id = l.module_id
        left join lesson_progress lp on lp.lesson_id = l.id and lp.enrollment_id = ${enrollments.id}
        where m.course_id = ${courses.id}
        order by coalesce(lp.completed, false), m.ord, l.ord limit 1)`,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(eq(enrollments.learnerId, viewer.id))
    .orderBy(desc(sql`coalesce(${enrollments.lastAccessedAt}, ${enrollments.enrolledAt})`), courses.id);
}
