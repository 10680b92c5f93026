import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChevronLeft, ChevronRight, Eye } from "lucide-react";
import { LessonContent } from "@/components/content/lesson-content";
import { CourseCompleteNotice, CourseProgress } from "@/components/player/course-progress";
import { CurriculumNav } from "@/components/player/curriculum-nav";
import { EnrollToOpen } from "@/components/player/enroll-to-open";
import { lessonNeighbours } from "@/components/player/lesson-neighbours";
import { MarkCompleteButton } from "@/components/player/mark-complete-button";
import { MaterialDownloads } from "@/components/player/material-downloads";
import { PlayerProgressProvider } from "@/components/player/player-progress";
import { VideoPlayer } from "@/components/player/video-player";
import { buttonStyles } from "@/components/ui/button-styles";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/http/errors";
import { getMyCourse } from "@/lib/learning/course-detail";
import { getLessonForLearner } from "@/lib/learning/lesson-for-learner";
import { orNotFound, requirePageUser } from "@/app/_http/page-viewer";
import { courseLessonParams } from "@/lib/validation/ids";

type Params = Promise<{ courseId: string; lessonId: string }>;

/** Course and lesson, once per request (the metadata and the page share it); null when the user must enroll first. */
const loadLesson = cache(async (viewer: Viewer, courseId: string, lessonId: string) => {
  const load = Promise.all([getMyCourse(viewer, courseId), getLessonForLearner(viewer, courseId, lessonId)]).then(
    ([course, lesson]) => ({ course, lesson }),
    (error: unknown) => {
      // A published course the user is not enrolled in (the API's 403) says how to get in; anything else unseen is a 404.
      if (error instanceof AppError && error.code === "FORBIDDEN") return null;
      throw error;
    },
  );
  return orNotFound(load);
});

async function parse(params: Params) {
  const parsed = courseLessonParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { courseId, lessonId } = await parse(params);
  const viewer = await requirePageUser(`/my-courses/${courseId}/lessons/${lessonId}`);
  const loaded = await loadLesson(viewer, courseId, lessonId);
  return { title: loaded ? `${loaded.lesson.lesson.title} · ${loaded.course.course.title}` : "Enroll to open this lesson" };
}

export default async function LessonPlayerPage({ params }: { params: Params }) {
  const { courseId, lessonId } = await parse(params);
  const viewer = await requirePageUser(`/my-courses/${courseId}/lessons/${lessonId}`);
  const loaded = await loadLesson(viewer, courseId, lessonId);
  if (!loaded) return <EnrollToOpen courseId={courseId} />;

  const { course: my, lesson: current } = loaded;
  const { lesson } = current;
  const tracking = !my.preview;
  const { previous, next, position, count } = lessonNeighbours(my.curriculum, lessonId);
  const lessonHref = (id: string) => `/my-courses/${courseId}/lessons/${id}`;

  return (
    <PlayerProgressProvider
      lessonIds={my.curriculum.flatMap((m) => m.lessons.map((l) => l.id))}
      initialCompleted={my.curriculum.flatMap((m) => m.lessons.filter((l) => l.completed).map((l) => l.id))}
      initialProgress={my.enrollment?.progress ?? 0}
      tracking={tracking}
    >
      <div className="flex flex-col gap-6">
        <header className="flex flex-col gap-2">
          <p className="text-sm text-slate-600 dark:text-slate-300">
            <Link href={`/courses/${courseId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {my.course.title}
            </Link>
            {" · "}
            {lesson.moduleTitle} · Lesson {position} of {count}
          </p>
          <h1 className="text-3xl font-bold tracking-tight">{lesson.title}</h1>
          <div className="max-w-md">
            <CourseProgress courseTitle={my.course.title} />
          </div>
          {my.preview && (
            <p className="flex items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50">
              <Eye aria-hidden="true" className="h-4 w-4 shrink-0" />
              Preview: you see this lesson as its learners do. You are not enrolled, so nothing is tracked.
            </p>
          )}
        </header>

        <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <aside className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start">
            <CurriculumNav courseId={courseId} modules={my.curriculum} currentLessonId={lessonId} />
            {my.materials.length > 0 && (
              <section aria-labelledby="course-materials-title" className="flex flex-col gap-2">
                <h2 id="course-materials-title" className="text-sm font-semibold">
                  Course materials
                </h2>
                <MaterialDownloads materials={my.materials} urlBase={`/api/my-courses/${courseId}/materials`} label="Course materials" />
              </section>
            )}
          </aside>

          <div className="flex min-w-0 flex-col gap-6">
            {lesson.hasVideo && (
              <VideoPlayer
                courseId={courseId}
                lessonId={lessonId}
                title={lesson.title}
                initialPosition={current.videoPosition}
                tracking={tracking}
              />
            )}
            <LessonContent markdown={lesson.content} />
            {current.materials.length > 0 && (
              <section aria-labelledby="lesson-materials-title" className="flex flex-col gap-2">
                <h2 id="lesson-materials-title" className="text-lg font-semibold">
                  Lesson materials
                </h2>
                <MaterialDownloads
                  materials={current.materials}
                  urlBase={`/api/my-courses/${courseId}/lessons/${lessonId}/materials`}
                  label="Lesson materials"
                />
              </section>
            )}
            {tracking && (
              <div className="flex flex-col gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
                <div>
                  <MarkCompleteButton courseId={courseId} lessonId={lessonId} />
                </div>
                <CourseCompleteNotice />
              </div>
            )}
            <nav aria-label="Previous and next lesson" className="flex flex-wrap justify-between gap-3">
              {previous ? (
                <Link href={lessonHref(previous.id)} className={buttonStyles.secondary}>
                  <ChevronLeft aria-hidden="true" className="h-4 w-4" />
                  <span>
                    Previous<span className="sr-only">: {previous.title}</span>
                  </span>
                </Link>
              ) : (
                <span />
              )}
              {next ? (
                <Link href={lessonHref(next.id)} className={buttonStyles.primary}>
                  <span>
                    Next<span className="sr-only">: {next.title}</span>
                  </span>
                  <ChevronRight aria-hidden="true" className="h-4 w-4" />
                </Link>
              ) : (
                tracking && (
                  <Link href="/my-courses" className={buttonStyles.secondary}>
                    My courses
                  </Link>
                )
              )}
            </nav>
          </div>
        </div>
      </div>
    </PlayerProgressProvider>
  );
}
