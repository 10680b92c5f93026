import "server-only";
import { and, desc, eq, inArray, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, users } from "@/lib/db/schema";
import { courseCardColumns, withThumbnails, type CourseCard } from "@/lib/courses/search-catalog";

const taken = alias(courses, "taken");

/**
 * For the dashboard: the most enrolled published courses in the categories of the viewer's enrollments, leaving
 * out the courses they are already in. One SQL statement; thumbnails are signed locally.
 */
export async function listPopularInMyCategories(viewer: Viewer, { limit = 6 }: { limit?: number } = {}): Promise<CourseCard[]> {
  const myCategories = db
    .selectDistinct({ category: taken.category })
    .from(enrollments)
    .innerJoin(taken, eq(taken.id, enrollments.courseId))
    .where(and(eq(enrollments.learnerId, viewer.id), sql`${taken.category} is not null`));
  const alreadyIn = db
    .select({ one: sql`1` })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courses.id), eq(enrollments.learnerId, viewer.id)));
  const rows = await db
    .select(courseCardColumns)
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(and(eq(courses.isPublished, true), inArray(courses.category, myCategories), notExists(alreadyIn)))
    .orderBy(desc(courses.enrollmentCount), desc(courses.createdAt), courses.id)
    .limit(limit);
  return withThumbnails(rows);
}
