import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { AppError } from "@/lib/http/errors";
import { courseContentOf, withHandouts } from "./course-detail";
import { materialsOf } from "./materials-of-course";

/**
 * A lesson as a newly enrolled learner sees it, for the course's editors, draft or published: the curriculum without
 * anyone's progress, the course's and the lesson's materials, the content. It reads only: no enrollment is made or
 * used (an editor's own enrollment included), and no progress or last access is written. Videos and materials come
 * through the learner's signed-URL routes, which let editors in (course-access.ts) and write nothing either.
 */
export async function getLessonPreview(viewer: Viewer | null, courseId: string, lessonId: string) {
  const course = await requireCourseEditor(viewer, courseId);
  const { curriculum, materials, lesson } = await courseContentOf(courseId, null, lessonId);
  if (!lesson) throw new AppError("NOT_FOUND", "This lesson does not exist in this course.");
  const { videoKey, ...rest } = lesson;
  return {
    course: { id: course.id, title: course.title, isPublished: course.isPublished },
    curriculum: withHandouts(curriculum, materials),
    materials: materialsOf(materials, null),
    lesson: { ...rest, hasVideo: videoKey !== null },
    lessonMaterials: materialsOf(materials, lessonId),
  };
}
