import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CourseThumbnail } from "@/components/catalog/course-thumbnail";
import { CourseOverview } from "@/components/course/course-overview";
import { EnrollButton } from "@/components/course/enroll-button";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { getCourseDetail } from "@/lib/learning/course-detail";
import { orNotFound, pageViewer } from "@/app/_http/page-viewer";
import { courseParams } from "@/lib/validation/ids";

type Props = { params: Promise<{ courseId: string }> };

/** One load per request, shared by the metadata and the page. */
const loadCourse = cache(async (courseId: string) => {
  const parsed = courseParams.safeParse({ courseId });
  if (!parsed.success) notFound();
  return orNotFound(getCourseDetail(await pageViewer(), parsed.data.courseId));
});

function summaryOf(description: string | null, title: string) {
  const text = description?.replace(/\s+/g, " ").trim();
  if (!text) return `${title}: a course on BudhHub.`;
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { course } = await loadCourse((await params).courseId);
  return { title: course.title, description: summaryOf(course.description, course.title) };
}

export default async function CoursePage({ params }: Props) {
  const { course, enrollment, canEdit, signedIn } = await loadCourse((await params).courseId);
  const coursePath = `/courses/${course.id}`;
  const lessonPath = (lessonId: string | null) => (lessonId ? `/my-courses/${course.id}/lessons/${lessonId}` : "/my-courses");

  const action = (
    <div className="flex flex-col gap-3">
      {enrollment ? (
        <div className="flex max-w-md flex-col gap-3">
          <ProgressBar value={enrollment.progress} label="Your progress" />
          <p>
            <Link href={lessonPath(enrollment.nextLessonId)} className={buttonStyles.primary}>
              {enrollment.progress >= 100 ? "Review the course" : "Continue"}
            </Link>
          </p>
        </div>
      ) : !signedIn ? (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(coursePath)}`} className={buttonStyles.primary}>
            Sign in to enroll
          </Link>
        </p>
      ) : course.isPublished ? (
        <p>
          <EnrollButton courseId={course.id} courseTitle={course.title} />
        </p>
      ) : null}
      {canEdit && (
        <p>
          <Link href={`/instructor/courses/${course.id}`} className={buttonStyles.secondary}>
            Edit course
          </Link>
        </p>
      )}
    </div>
  );

  return (
    <div className="flex flex-col gap-6">
      {!course.isPublished && (
        <p
          role="note"
          className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
        >
          This course is a draft: only its editors can see this page until it is published.
        </p>
      )}
      {course.thumbnailUrl && (
        <CourseThumbnail url={course.thumbnailUrl} title={course.title} priority className="aspect-video w-full max-w-xl rounded-xl" />
      )}
      <CourseOverview course={course} action={action} />
    </div>
  );
}
