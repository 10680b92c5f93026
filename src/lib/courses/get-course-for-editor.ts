import "server-only";
import { materialColumns } from "@/lib/curriculum/manage-materials";
import { asc, eq, inArray } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, lessons, modules, users } from "@/lib/db/schema";
import { lessonFields } from "@/lib/curriculum/manage-lessons";
import { requireCourseEditor } from "./course-editor-access";

/**
 * Everything the course editor shows: details, the curriculum in order, and materials. Four queries whatever the size
 * after the access check, whose facts about the course (title, status, owner, lesson count) are not read again.
 */
export async function getCourseForEditor(viewer: Viewer | null, courseId: string) {
  const facts = await requireCourseEditor(viewer, courseId);
  const [[details], moduleRows, materialRows] = await Promise.all([
    db
      .select({
        slug: courses.slug,
        description: courses.description,
        outcomes: courses.outcomes,
        category: courses.category,
        difficulty: courses.difficulty,
        estimatedDuration: courses.estimatedDuration,
        selfEnrollment: courses.selfEnrollment,
        certificateEnabled: courses.certificateEnabled,
        certificateLine: courses.certificateLine,
        thumbnailKey: courses.thumbnailKey,
        publishedAt: courses.publishedAt,
        instructorName: users.name,
        instructorBio: users.bio,
      })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.instructorId))
      .where(eq(courses.id, courseId)),
    db
      .select({ id: modules.id, title: modules.title, ord: modules.ord })
      .from(modules)
      .where(eq(modules.courseId, courseId))
      .orderBy(asc(modules.ord)),
    db.select(materialColumns).from(courseMaterials).where(eq(courseMaterials.courseId, courseId)).orderBy(asc(courseMaterials.createdAt)),
  ]);
  const lessonRows = moduleRows.length
    ? await db
        .select(lessonFields)
        .from(lessons)
        .where(
          inArray(
            lessons.moduleId,
            moduleRows.map((m) => m.id),
          ),
        )
        .orderBy(asc(lessons.ord))
    : [];
  const curriculum = moduleRows.map((m) => ({
    ...m,
    lessons: lessonRows
      .filter((l) => l.moduleId === m.id)
      .map((l) => ({ ...l, materials: materialRows.filter((mat) => mat.lessonId === l.id) })),
  }));
  return { course: { ...facts, ...details! }, modules: curriculum, materials: materialRows.filter((m) => m.lessonId === null) };
}

export type CourseForEditor = Awaited<ReturnType<typeof getCourseForEditor>>;
