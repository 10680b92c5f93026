import { notFound, redirect } from "next/navigation";
import { courseHref } from "@/components/course/course-href";
import { playerHref, previewPath } from "@/components/learning/learner-hrefs";
import { AppError } from "@/lib/http/errors";
import { loadCourseAccess } from "@/lib/learning/course-access";
import { getMyCourse } from "@/lib/learning/course-detail";
import { courseParams } from "@/lib/validation/ids";
import { orNotFound, requirePageUser } from "@/app/_http/page-viewer";

/**
 * A course of the learner's, as one address (invitations and imports land here): the lesson to continue with. Not
 * enrolled: the course page, which says how to get in; an editor: the preview; a course without lessons: My courses.
 */
export default async function MyCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageUser(`/my-courses/${courseId}`);
  const course = await orNotFound(
    getMyCourse(viewer, courseId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "FORBIDDEN") return null;
      throw error;
    }),
  );
  if (!course) redirect(courseHref((await loadCourseAccess(viewer, courseId)).course));
  if (course.preview) redirect(previewPath(courseId));
  redirect(course.nextLessonId ? playerHref(courseId, course.nextLessonId) : "/my-courses");
}
