import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { courses } from "@/lib/db/schema";
import type { Viewer } from "./viewer";

/**
 * Who may do what with a course, decided here only: as booleans for one course the caller has loaded (with the
 * viewer's enrollment), and as an SQL condition on `courses` for the lists that filter by it in the database.
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

/**
 * The courses an instructor teaches, as an SQL condition on `courses`, for the lists and figures of "my courses". It is
 * narrower than what they may edit: an admin may edit every course, but their own lists hold what they teach.
 */
export function taughtCourseCondition(actor: Actor): SQL {
  if (actor?.role !== "INSTRUCTOR" && actor?.role !== "ADMIN") return sql`false`;
  return eq(courses.instructorId, actor.id);
}
