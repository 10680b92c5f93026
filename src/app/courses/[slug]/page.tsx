import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { cache } from "react";
import { courseHref } from "@/components/course/course-href";
import { CourseOverview } from "@/components/course/course-overview";
import { EnrollButton } from "@/components/course/enroll-button";
import { SELF_ENROLLMENT_OFF_MESSAGE } from "@/lib/format";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { env } from "@/env";
import { locateCourse } from "@/lib/courses/course-slug";
import { getCourseDetail } from "@/lib/learning/course-detail";
import { orNotFound, pageViewer } from "@/app/_http/page-viewer";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

/**
 * One load per request, shared by the metadata and the page: the course the URL names (by slug, old slug or id), and
 * its details when the URL is its current one.
 */
const loadCourse = cache(async (segment: string) => {
  const viewer = await pageViewer();
  const located = await orNotFound(locateCourse(viewer, segment));
  if (!located.current) return { moved: located };
  return { detail: await orNotFound(getCourseDetail(viewer, located.id)) };
});

/** The course's detail; an id or an old slug answers a permanent redirect to the current URL, with the same query. */
async function courseOf({ params, searchParams }: Props) {
  const loaded = await loadCourse((await params).slug);
  if (loaded.moved) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(await searchParams)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
    }
    permanentRedirect(courseHref(loaded.moved, query.toString()));
  }
  return loaded.detail!;
}

function summaryOf(description: string | null, title: string) {
  const text = description?.replace(/\s+/g, " ").trim();
  if (!text) return `${title}: a course on BudhHub.`;
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { course } = await courseOf(props);
  const description = summaryOf(course.description, course.title);
  const url = courseHref(course);
  // A signed storage URL expires; link previews get the picture at a lasting URL that changes with the picture.
  const image = course.imageVersion ? { url: `/api/courses/${course.id}/image?v=${course.imageVersion}`, alt: course.title } : null;
  return {
    metadataBase: new URL(env.appUrl),
    title: course.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "BudhHub", url, title: course.title, description, images: image ? [image] : undefined },
    twitter: { card: image ? "summary_large_image" : "summary", title: course.title, description, images: image ? [image] : undefined },
    // Only its editors see a draft: nothing for a search engine to keep.
    robots: course.isPublished ? undefined : { index: false, follow: false },
  };
}

export default async function CoursePage(props: Props) {
  const { course, enrollment, canEdit, signedIn } = await courseOf(props);
  const lessonPath = (lessonId: string | null) => (lessonId ? `/my-courses/${course.id}/lessons/${lessonId}` : "/my-courses");

  const action = (
    <div className="flex flex-col gap-3">
      {enrollment ? (
        <div className="flex max-w-md flex-col gap-3">
          <ProgressBar value={enrollment.progress} label="Your progress" />
          <p>
            <Link href={lessonPath(enrollment.nextLessonId)} className={buttonStyles.primary}>
              {enrollment.progress >= 100 ? "Review the course" : enrollment.started ? "Continue" : "Start"}
            </Link>
          </p>
        </div>
      ) : !signedIn ? (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(courseHref(course))}`} className={buttonStyles.primary}>
            Sign in to enroll
          </Link>
        </p>
      ) : course.isPublished && course.selfEnrollment ? (
        <p>
          <EnrollButton courseId={course.id} courseTitle={course.title} />
        </p>
      ) : course.isPublished ? (
        <p className="max-w-md text-slate-700 dark:text-slate-300">{SELF_ENROLLMENT_OFF_MESSAGE}</p>
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
      <CourseOverview course={course} action={action} />
    </div>
  );
}
