import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Eye } from "lucide-react";
import { CourseOverview } from "@/components/course/course-overview";
import { previewLessonHref, previewPath } from "@/components/learning/learner-hrefs";
import { buttonStyles } from "@/components/ui/button-styles";
import { getCourseForEditor } from "@/lib/courses/get-course-for-editor";
import { thumbnailUrlFor } from "@/lib/courses/thumbnail-url";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { courseParams } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Preview" };

/**
 * The course page as learners see it, for its editors; "Start the preview" opens the lessons as an enrolled learner
 * sees them (./lessons/[lessonId]), before or after publishing, without enrolling.
 */
export default async function CoursePreviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageRole(previewPath(courseId), "INSTRUCTOR", "ADMIN");
  const { course, modules, materials } = await orNotFound(getCourseForEditor(viewer, courseId));
  const materialsCount = materials.length + modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.materials.length, 0), 0);
  const firstLesson = modules.flatMap((m) => m.lessons)[0];
  return (
    <div className="flex flex-col gap-6">
      <p
        role="note"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50"
      >
        <Eye aria-hidden="true" className="h-4 w-4 shrink-0" />
        <span className="flex-1">
          <strong className="font-semibold">Preview.</strong> This is how learners see the course
          {course.isPublished ? "" : " once it is published"}. Nothing you open here is recorded.
        </span>
        <Link href={`/instructor/courses/${courseId}`} className="font-medium underline">
          Back to the editor
        </Link>
      </p>
      <CourseOverview
        course={{
          ...course,
          thumbnailUrl: await thumbnailUrlFor(course.thumbnailKey),
          materialsCount,
          modules: modules.map((m) => ({
            id: m.id,
            title: m.title,
            lessons: m.lessons.map((l) => ({
              id: l.id,
              title: l.title,
              kind: l.kind,
              durationMinutes: l.durationMinutes,
              hasVideo: l.videoKey !== null,
              hasMaterials: l.materials.length > 0,
            })),
          })),
        }}
        action={
          firstLesson ? (
            <p>
              <Link href={previewLessonHref(courseId, firstLesson.id)} className={buttonStyles.primary}>
                Start the preview
              </Link>
            </p>
          ) : (
            <p className="text-slate-700 dark:text-slate-300">Add a lesson to preview it as a learner.</p>
          )
        }
      />
    </div>
  );
}
