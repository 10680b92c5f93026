import "server-only";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, lessonProgress, lessons, modules, users } from "@/lib/db/schema";
import { thumbnailUrlFor } from "@/lib/courses/thumbnail-url";
import { loadCourseAccess, requireContentAccess } from "./course-access";

async function curriculumOf(courseId: string, enrollmentId: string | null) {
  const moduleRows = await db
    .select({ id: modules.id, title: modules.title })
    .from(modules)
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.ord));
  if (moduleRows.length === 0) return [];
  const lessonRows = await db
    .select({
      id: lessons.id,
      moduleId: lessons.moduleId,
      title: lessons.title,
      durationMinutes: lessons.durationMinutes,
      videoKey: lessons.videoKey,
      completed: lessonProgress.completed,
      videoPosition: lessonProgress.videoPosition,
    })
    .from(lessons)
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.enrollmentId, enrollmentId ?? "00000000-0000-0000-0000-000000000000")))
    .where(inArray(lessons.moduleId, moduleRows.map((m) => m.id)))
    .orderBy(asc(lessons.ord));
  return moduleRows.map((m) => ({
    ...m,
    lessons: lessonRows
      .filter((l) => l.moduleId === m.id)
      .map(({ videoKey, completed, videoPosition, moduleId: _m, ...l }) => {
        void _m;
        return { ...l, hasVideo: videoKey !== null, completed: completed ?? false, videoPosition: videoPosition ?? 0 };
      }),
  }));
}

export type Curriculum = Awaited<ReturnType<typeof curriculumOf>>;

/** The first lesson not yet completed, in course order (or the first lesson when all are done). */
export function nextLessonId(curriculum: Curriculum): string | null {
  const all = curriculum.flatMap((m) => m.lessons);
  return (all.find((l) => !l.completed) ?? all[0])?.id ?? null;
}

/** The public course page: published courses for everyone, drafts for their editors; with the viewer's enrollment. */
export async function getCourseDetail(courseId: string) {
  const access = await loadCourseAccess(courseId);
  const [[course], [materials], curriculum] = await Promise.all([
    db
      .select({
        id: courses.id,
        title: courses.title,
        description: courses.description,
        category: courses.category,
        difficulty: courses.difficulty,
        estimatedDuration: courses.estimatedDuration,
        totalLessons: courses.totalLessons,
        enrollmentCount: courses.enrollmentCount,
        thumbnailKey: courses.thumbnailKey,
        isPublished: courses.isPublished,
        instructorName: users.name,
      })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.instructorId))
      .where(eq(courses.id, courseId)),
    db.select({ n: count() }).from(courseMaterials).where(eq(courseMaterials.courseId, courseId)),
    curriculumOf(courseId, access.enrollment?.id ?? null),
  ]);
  const { thumbnailKey, ...rest } = course!;
  return {
    course: {
      ...rest,
      thumbnailUrl: await thumbnailUrlFor(thumbnailKey),
      materialsCount: materials?.n ?? 0,
      modules: curriculum.map((m) => ({
        id: m.id,
        title: m.title,
        lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, durationMinutes: l.durationMinutes, hasVideo: l.hasVideo })),
      })),
    },
    enrollment: access.enrollment ? { ...access.enrollment, nextLessonId: nextLessonId(curriculum) } : null,
    canEdit: access.canEdit,
    signedIn: access.viewer !== null,
  };
}

/** An enrolled learner's (or an editor's) view of a course: curriculum with completion, materials, next lesson. */
export async function getMyCourse(courseId: string) {
  const access = await requireContentAccess(courseId);
  const [[course], curriculum, materials] = await Promise.all([
    db
      .select({ id: courses.id, title: courses.title, totalLessons: courses.totalLessons, instructorName: users.name })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.instructorId))
      .where(eq(courses.id, courseId)),
    curriculumOf(courseId, access.enrollment?.id ?? null),
    db
      .select({ id: courseMaterials.id, fileName: courseMaterials.fileName, fileSize: courseMaterials.fileSize, fileType: courseMaterials.fileType })
      .from(courseMaterials)
      .where(and(eq(courseMaterials.courseId, courseId), isNull(courseMaterials.lessonId)))
      .orderBy(asc(courseMaterials.createdAt)),
  ]);
  return {
    course: course!,
    enrollment: access.enrollment,
    curriculum,
    materials,
    nextLessonId: nextLessonId(curriculum),
    preview: access.enrollment === null,
  };
}
