import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courseMaterials, courses, discussionThreads, type LessonKind, lessonProgress, lessons, modules, users } from "@/lib/db/schema";
import { courseImageVersion } from "@/lib/courses/course-image";
import { thumbnailUrlFor } from "@/lib/courses/thumbnail-url";
import { enrollmentEnded, loadCourseAccess, requireContentAccess, type CourseAccess } from "./course-access";
import { materialsOf, materialsOfCourse } from "./materials-of-course";
import { hasStarted, resumeLesson } from "./resume";

const NO_ENROLLMENT = "00000000-0000-0000-0000-000000000000";

const NO_LESSON = NO_ENROLLMENT;

type CourseMaterial = Awaited<ReturnType<typeof materialsOfCourse>>[number];

/**
 * A course's content in one query, once per request: its modules in order with their lessons in order and the
 * enrollment's progress in each, every material of the course (as materialsOfCourse lists them), and, when `lessonId`
 * names one of its lessons, that lesson's content (the player's; null when it is not in the course). Read from the
 * course row, so a course without modules still answers with its materials.
 */
export const courseContentOf = cache(async (courseId: string, enrollmentId: string | null, lessonId: string | null) => {
  const current = lessonId ?? NO_LESSON;
  const rows = await db
    .select({
      moduleId: modules.id,
      moduleTitle: modules.title,
      id: lessons.id,
      title: lessons.title,
      kind: lessons.kind,
      durationMinutes: lessons.durationMinutes,
      videoKey: lessons.videoKey,
      videoSeconds: lessons.videoDuration,
      completed: lessonProgress.completed,
      videoPosition: lessonProgress.videoPosition,
      openedAt: lessonProgress.updatedAt,
      // Only the current lesson's: a course's contents together can be large.
      content: sql<string | null>`case when ${lessons.id} = ${current} then ${lessons.content} end`,
      videoMimeType: sql<string | null>`case when ${lessons.id} = ${current} then ${lessons.videoMimeType} end`,
      // Uncorrelated, so Postgres runs it once for the statement (an InitPlan), not once per row.
      materials: sql<CourseMaterial[] | string>`(
        select coalesce(json_agg(json_build_object(
          'id', ${courseMaterials.id}, 'lessonId', ${courseMaterials.lessonId}, 'fileName', ${courseMaterials.fileName},
          'fileSize', ${courseMaterials.fileSize}, 'fileType', ${courseMaterials.fileType}
        ) order by ${courseMaterials.createdAt}), '[]'::json)
        from ${courseMaterials} where ${courseMaterials.courseId} = ${courseId})`,
      // The questions on the current lesson that every member sees (not hidden): the count on the player's Questions tab.
      questions: sql<number>`(select count(*)::int from ${discussionThreads} where ${discussionThreads.courseId} = ${courseId}
        and ${discussionThreads.lessonId} = ${current} and not ${discussionThreads.hidden})`,
    })
    .from(courses)
    .leftJoin(modules, eq(modules.courseId, courses.id))
    .leftJoin(lessons, eq(lessons.moduleId, modules.id))
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.enrollmentId, enrollmentId ?? NO_ENROLLMENT)))
    .where(eq(courses.id, courseId))
    .orderBy(asc(modules.ord), asc(lessons.ord));
  const byModule = new Map<string, { id: string; title: string; lessons: CurriculumLesson[] }>();
  let lesson: LessonOfCourse | null = null;
  for (const row of rows) {
    if (row.moduleId === null) continue;
    let entry = byModule.get(row.moduleId);
    if (!entry) byModule.set(row.moduleId, (entry = { id: row.moduleId, title: row.moduleTitle!, lessons: [] }));
    if (row.id === null) continue;
    entry.lessons.push({
      id: row.id,
      title: row.title!,
      kind: row.kind!,
      durationMinutes: row.durationMinutes,
      hasVideo: row.videoKey !== null,
      videoSeconds: row.videoSeconds,
      completed: row.completed ?? false,
      videoPosition: row.videoPosition ?? 0,
      openedAt: row.openedAt,
    });
    if (row.id === lessonId) {
      lesson = {
        id: row.id,
        title: row.title!,
        kind: row.kind!,
        content: row.content,
        durationMinutes: row.durationMinutes,
        videoKey: row.videoKey,
        videoMimeType: row.videoMimeType,
        moduleTitle: row.moduleTitle!,
      };
    }
  }
  // The pg and Neon drivers parse json; keep a string from any driver that does not.
  const raw = rows[0]?.materials ?? [];
  const materials: CourseMaterial[] = typeof raw === "string" ? (JSON.parse(raw) as CourseMaterial[]) : raw;
  return { curriculum: [...byModule.values()], materials, lesson, questionCount: Number(rows[0]?.questions ?? 0) };
});

/** A lesson of the course as the player and the preview show it (lessonRow's fields). */
export type LessonOfCourse = {
  id: string;
  title: string;
  kind: LessonKind;
  content: string | null;
  durationMinutes: number | null;
  videoKey: string | null;
  videoMimeType: string | null;
  moduleTitle: string;
};

/** Modules in order with their lessons in order and the enrollment's progress in each (courseContentOf). */
export const curriculumOf = async (courseId: string, enrollmentId: string | null) =>
  (await courseContentOf(courseId, enrollmentId, null)).curriculum;

type CurriculumLesson = {
  id: string;
  title: string;
  kind: LessonKind;
  durationMinutes: number | null;
  hasVideo: boolean;
  /** The video's length when known (the demo's; uploads do not measure it). */
  videoSeconds: number | null;
  completed: boolean;
  videoPosition: number;
  /** When the enrollment last used the lesson (opened it, completed it, moved in its video); null if never. */
  openedAt: Date | null;
};

export type Curriculum = Awaited<ReturnType<typeof courseContentOf>>["curriculum"];

/** The lesson to continue with (./resume.ts): where the learner stopped, or the next one once that is done. */
export function nextLessonId(curriculum: Curriculum): string | null {
  return resumeLesson(curriculum.flatMap((m) => m.lessons))?.id ?? null;
}

/**
 * The public course page: published courses for everyone, drafts for their editors; with the viewer's enrollment.
 * What sells the course (picture, what you will learn, the instructor's bio, how many enrolled) and the curriculum with
 * durations, videos and which lessons carry handouts; materials are counted, not listed, until the learner enrolls.
 */
export async function getCourseDetail(viewer: Viewer | null, courseId: string) {
  const access = await loadCourseAccess(viewer, courseId);
  const [[course], { materials, curriculum }] = await Promise.all([
    db
      .select({
        slug: courses.slug,
        description: courses.description,
        outcomes: courses.outcomes,
        category: courses.category,
        difficulty: courses.difficulty,
        estimatedDuration: courses.estimatedDuration,
        enrollmentCount: courses.enrollmentCount,
        thumbnailKey: courses.thumbnailKey,
        instructorBio: users.bio,
        // That the course has discussions, not what they say (members only): the questions everyone in it sees.
        questionCount: sql<number>`(select count(*)::int from ${discussionThreads}
          where ${discussionThreads.courseId} = ${courses.id} and not ${discussionThreads.hidden})`,
      })
      .from(courses)
      .innerJoin(users, eq(users.id, courses.instructorId))
      .where(eq(courses.id, courseId)),
    courseContentOf(courseId, access.enrollment?.id ?? null, null),
  ]);
  const { thumbnailKey, ...rest } = course!;
  const { id, title, totalLessons, isPublished, instructorName } = access.course;
  const carrying = new Set(materials.map((m) => m.lessonId));
  return {
    course: {
      id,
      title,
      ...rest,
      totalLessons,
      isPublished,
      instructorName,
      selfEnrollment: access.course.selfEnrollment,
      thumbnailUrl: await thumbnailUrlFor(thumbnailKey),
      /** For the picture's lasting URL (/api/courses/<id>/image?v=…); null without a picture. */
      imageVersion: thumbnailKey ? courseImageVersion(thumbnailKey) : null,
      materialsCount: materials.length,
      questionCount: Number(rest.questionCount),
      modules: curriculum.map((m) => ({
        id: m.id,
        title: m.title,
        lessons: m.lessons.map((l) => ({
          id: l.id,
          title: l.title,
          kind: l.kind,
          durationMinutes: l.durationMinutes,
          hasVideo: l.hasVideo,
          videoSeconds: l.videoSeconds,
          hasMaterials: carrying.has(l.id),
        })),
      })),
    },
    enrollment: access.enrollment
      ? {
          ...publicEnrollment(access.enrollment),
          nextLessonId: nextLessonId(curriculum),
          started: hasStarted(curriculum.flatMap((m) => m.lessons)),
        }
      : null,
    canEdit: access.canEdit,
    signedIn: viewer !== null,
  };
}

/** ended: staff's end date has passed, and the course is read-only for the learner (src/lib/learning/course-access.ts). */
function publicEnrollment({ id, progress, completedAt, endsAt }: NonNullable<CourseAccess["enrollment"]>) {
  return { id, progress, completedAt, endsAt, ended: enrollmentEnded({ endsAt }) };
}

/** The curriculum with, on each lesson, whether it carries materials (the player marks those with a handout icon). */
export function withHandouts(curriculum: Curriculum, materials: { lessonId: string | null }[]) {
  const carrying = new Set(materials.map((m) => m.lessonId));
  return curriculum.map((m) => ({ ...m, lessons: m.lessons.map((l) => ({ ...l, hasMaterials: carrying.has(l.id) })) }));
}

/**
 * An enrolled learner's (or an editor's) view of a course: curriculum with completion, materials, next lesson, and with
 * `lessonId` that lesson (null when it is not in the course). Two queries (access; curriculum, materials and the
 * lesson), once per request.
 */
export const getMyCourse = cache(async (viewer: Viewer | null, courseId: string, lessonId: string | null = null) => {
  const access = await requireContentAccess(viewer, courseId);
  const { curriculum, materials, lesson, questionCount } = await courseContentOf(courseId, access.enrollment?.id ?? null, lessonId);
  const { id, slug, title, totalLessons, instructorName, certificateEnabled } = access.course;
  return {
    course: { id, slug, title, totalLessons, instructorName },
    enrollment: access.enrollment && publicEnrollment(access.enrollment),
    curriculum: withHandouts(curriculum, materials),
    materials: materialsOf(materials, null),
    nextLessonId: nextLessonId(curriculum),
    started: hasStarted(curriculum.flatMap((m) => m.lessons)),
    preview: access.enrollment === null,
    // For the player: the lesson, every material (the lesson's are picked from them), whether completing gives a
    // certificate, and how many questions its Questions tab counts.
    ...(lessonId === null ? {} : { lesson, allMaterials: materials, certificateEnabled, questionCount }),
  };
});
