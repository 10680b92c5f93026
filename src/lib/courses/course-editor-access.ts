import "server-only";
import { and, eq } from "drizzle-orm";
import { canEditCourse, canViewCourse } from "@/lib/auth/course-permissions";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { courses, courseMaterials, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

/** What an editor's check knows about the course, so that the caller need not read the row again. */
export type EditableCourse = {
  id: string;
  instructorId: string;
  isPublished: boolean;
  title: string;
  updatedAt: Date;
  totalLessons: number;
  enrollmentCount: number;
};

const notFound = () => new AppError("NOT_FOUND", "This course does not exist.");

/**
 * The course, if the viewer (an instructor or admin) may edit it. A course the user cannot even see is a 404 (ids
 * cannot be probed); a published course of another instructor is a 403. Call it before opening a transaction:
 * PGlite runs one statement at a time, so a read outside an open transaction would wait for ever.
 */
export async function requireCourseEditor(viewer: Viewer | null, courseId: string): Promise<EditableCourse> {
  const editor = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  const [course] = await db
    .select({
      id: courses.id,
      instructorId: courses.instructorId,
      isPublished: courses.isPublished,
      title: courses.title,
      updatedAt: courses.updatedAt,
      totalLessons: courses.totalLessons,
      enrollmentCount: courses.enrollmentCount,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course || !canViewCourse(editor, course)) throw notFound();
  if (!canEditCourse(editor, course)) throw new AppError("FORBIDDEN", "Only the course's instructor or an admin can change it.");
  return course;
}

/** Locks the course row for the rest of the transaction, so curriculum writes to one course happen one at a time. */
export async function lockCourse(tx: Transaction, courseId: string) {
  const [row] = await tx
    .select({ id: courses.id, isPublished: courses.isPublished })
    .from(courses)
    .where(eq(courses.id, courseId))
    .for("update");
  if (!row) throw notFound();
  return row;
}

/** A module of the course in the path; a module of another course is a 404. */
export async function requireModuleOf(courseId: string, moduleId: string, executor: Transaction | typeof db = db) {
  const [row] = await executor
    .select({ id: modules.id, title: modules.title, ord: modules.ord })
    .from(modules)
    .where(and(eq(modules.id, moduleId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This module does not exist in this course.");
  return row;
}

/** A lesson of the module and course in the path; anything else is a 404. */
export async function requireLessonOf(courseId: string, moduleId: string, lessonId: string, executor: Transaction | typeof db = db) {
  const [row] = await executor
    .select({ id: lessons.id, moduleId: lessons.moduleId, ord: lessons.ord, kind: lessons.kind, videoKey: lessons.videoKey })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(lessons.id, lessonId), eq(lessons.moduleId, moduleId), eq(modules.courseId, courseId)));
  if (!row) throw new AppError("NOT_FOUND", "This lesson does not exist in this module.");
  return row;
}

/** A material of the course (and of the lesson, when one is given); anything else is a 404. */
export async function requireMaterialOf(
  courseId: string,
  materialId: string,
  lessonId: string | undefined,
  executor: Transaction | typeof db = db,
) {
  const [row] = await executor
    .select({ id: courseMaterials.id, fileKey: courseMaterials.fileKey, lessonId: courseMaterials.lessonId })
    .from(courseMaterials)
    .where(and(eq(courseMaterials.id, materialId), eq(courseMaterials.courseId, courseId)));
  if (!row || (lessonId !== undefined && row.lessonId !== lessonId)) {
    throw new AppError("NOT_FOUND", "This material does not exist here.");
  }
  return row;
}
