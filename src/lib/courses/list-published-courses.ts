import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { courses, users } from "@/lib/db/schema";

export type CourseCard = {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  difficulty: string | null;
  thumbnailUrl: string | null;
  totalLessons: number;
  estimatedDuration: number | null;
  instructorName: string | null;
};

/** Published courses, newest first, with what a course card shows. One query. */
export async function listPublishedCourses({ limit = 12 }: { limit?: number } = {}): Promise<CourseCard[]> {
  return db
    .select({
      id: courses.id,
      title: courses.title,
      description: courses.description,
      category: courses.category,
      difficulty: courses.difficulty,
      thumbnailUrl: courses.thumbnailUrl,
      totalLessons: courses.totalLessons,
      estimatedDuration: courses.estimatedDuration,
      instructorName: users.name,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(and(eq(courses.isPublished, true)))
    .orderBy(desc(courses.createdAt), desc(courses.id))
    .limit(limit);
}
