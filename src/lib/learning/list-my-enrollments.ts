import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, lessonProgress, lessons, modules, users } from "@/lib/db/schema";
import type { MyCoursesFilter } from "@/lib/validation/learning";
import { hasStarted, lastOpenedLesson, resumeLesson, type ResumableLesson } from "./resume";

type LessonState = ResumableLesson & { title: string };

/** Every lesson of every course the viewer is enrolled in, in course order, with the enrollment's progress in it. */
async function lessonsByEnrollment(viewer: Viewer) {
  const rows = await db
    .select({
      enrollmentId: enrollments.id,
      id: lessons.id,
      title: lessons.title,
      completed: lessonProgress.completed,
      openedAt: lessonProgress.updatedAt,
    })
    .from(enrollments)
    .innerJoin(modules, eq(modules.courseId, enrollments.courseId))
    .innerJoin(lessons, eq(lessons.moduleId, modules.id))
    .leftJoin(lessonProgress, and(eq(lessonProgress.enrollmentId, enrollments.id), eq(lessonProgress.lessonId, lessons.id)))
    .where(eq(enrollments.learnerId, viewer.id))
    .orderBy(asc(enrollments.id), asc(modules.ord), asc(lessons.ord));
  const byEnrollment = new Map<string, LessonState[]>();
  for (const { enrollmentId, completed, ...lesson } of rows) {
    let list = byEnrollment.get(enrollmentId);
    if (!list) byEnrollment.set(enrollmentId, (list = []));
    list.push({ ...lesson, completed: completed ?? false });
  }
  return byEnrollment;
}

/**
 * The viewer's enrollments, most recently used first, with progress, whether a lesson was opened yet (Start or
 * Continue), and the lesson to continue with (./resume.ts). Two queries: the enrollments, and their lessons.
 */
export async function listMyEnrollments(viewer: Viewer) {
  const [rows, lessonsOf] = await Promise.all([
    db
      .select({
        enrollmentId: enrollments.id,
        courseId: courses.id,
        slug: courses.slug,
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
      .orderBy(desc(sql`coalesce(${enrollments.lastAccessedAt}, ${enrollments.enrolledAt})`), courses.id),
    lessonsByEnrollment(viewer),
  ]);
  return rows.map(({ enrollmentId, ...course }) => {
    const all = lessonsOf.get(enrollmentId) ?? [];
    const next = resumeLesson(all);
    return {
      ...course,
      started: hasStarted(all),
      lastOpenedAt: lastOpenedLesson(all)?.openedAt ?? null,
      nextLessonId: next?.id ?? null,
      nextLesson: next && { title: next.title, position: all.indexOf(next) + 1 },
    };
  });
}

export type MyEnrollment = Awaited<ReturnType<typeof listMyEnrollments>>[number];

/** My courses' filters: not finished yet, finished, or every enrollment. */
export function filterEnrollments<T extends Pick<MyEnrollment, "progress">>(list: T[], filter: MyCoursesFilter): T[] {
  if (filter === "all") return list;
  return list.filter((e) => (filter === "completed" ? e.progress >= 100 : e.progress < 100));
}

/** The dashboard's "continue where you stopped": the unfinished course whose lesson was opened last, if any. */
export function whereToContinue<T extends Pick<MyEnrollment, "progress" | "lastOpenedAt" | "nextLessonId">>(list: T[]): T | null {
  let pick: T | null = null;
  for (const e of list) {
    if (e.progress >= 100 || !e.lastOpenedAt || !e.nextLessonId) continue;
    if (!pick || e.lastOpenedAt.getTime() > pick.lastOpenedAt!.getTime()) pick = e;
  }
  return pick;
}
