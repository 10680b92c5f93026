import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseOverview } from "@/components/course/course-overview";
import { getCourseForEditor } from "@/lib/courses/get-course-for-editor";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { courseParams } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Preview" };

export default async function CoursePreviewPage({ params }: { params: Promise<{ courseId: string }> }) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}/preview`, "INSTRUCTOR", "ADMIN");
  const { course, modules, materials } = await orNotFound(getCourseForEditor(viewer, courseId));
  const materialsCount = materials.length + modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.materials.length, 0), 0);
  return (
    <div className="flex flex-col gap-6">
      <p
        role="note"
        className="rounded-lg border border-indigo-300 bg-indigo-50 p-3 text-indigo-950 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100"
      >
        This is a preview of how learners see the course{course.isPublished ? "" : " once it is published"}.{" "}
        <Link href={`/instructor/courses/${courseId}`} className="font-medium underline">
          Back to the editor
        </Link>
      </p>
      <CourseOverview
        course={{
          ...course,
          materialsCount,
          modules: modules.map((m) => ({
            id: m.id,
            title: m.title,
            lessons: m.lessons.map((l) => ({
              id: l.id,
              title: l.title,
              durationMinutes: l.durationMinutes,
              hasVideo: l.videoKey !== null,
            })),
          })),
        }}
      />
    </div>
  );
}
