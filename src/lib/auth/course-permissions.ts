import "server-only";
import { and, eq, exists, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { courses, enrollments } from "@/lib/db/schema";
import type { Viewer } from "./viewer";

/**
 * Who may do what with a course, decided here only. Each rule comes twice: as a boolean for one course the caller has
 * loaded, and as an SQL condition on `courses` for list queries, so that lists filter in the database.
 */

type Actor = Pick<Viewer, "id" | "role"> | null;
type CourseFacts = { instructorId: string; isPublished: boolean };

const isAdmin = (actor: Actor) => actor?.role === "ADMIN";

/** The owning instructor or an admin. */
export function canEditCourse(actor: Actor, course: CourseFacts): boolean {
  return isAdmin(actor) || (actor !== null && actor.role === "INSTRUCTOR" && course.instructorId === actor.id);
}

/** Published courses, and every course its editors may edit. */
export function canViewCourse(actor: Actor, course: CourseFacts): boolean {
  return course.isPublished || canEditCourse(actor, course);
}

/** Lessons, videos and materials: enrolled learners (of a published course), the course's editors. */
export function canAccessCourseContent(actor: Actor, course: CourseFacts, enrolled: boolean): boolean {
  return canEditCourse(actor, course) || (actor !== null && enrolled && course.isPublished);
}

const never = sql`false`;

export function editableCourseCondition(actor: Actor): SQL {
  if (isAdmin(actor)) return sql`true`;
  if (actor?.role !== "INSTRUCTOR") return never;
  return eq(courses.instructorId, actor.id);
}

export function viewableCourseCondition(actor: Actor): SQL {
  return or(eq(courses.isPublished, true), editableCourseCondition(actor))!;
}

function enrolledCondition(actorId: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courses.id), eq(enrollments.learnerId, actorId))),
  );
}

export function contentAccessCondition(actor: Actor): SQL {
  if (!actor) return never;
  return or(editableCourseCondition(actor), and(eq(courses.isPublished, true), enrolledCondition(actor.id)))!;
}
