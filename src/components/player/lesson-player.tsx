import type { ReactNode } from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight, Eye } from "lucide-react";
import { LessonContent } from "@/components/content/lesson-content";
import { buttonStyles } from "@/components/ui/button-styles";
import { CourseCompleteNotice, CourseProgress } from "./course-progress";
import { CurriculumNav, type PlayerModule } from "./curriculum-nav";
import { lessonNeighbours } from "./lesson-neighbours";
import { MarkCompleteButton } from "./mark-complete-button";
import { MaterialDownloads, type PlayerMaterial } from "./material-downloads";
import type { QuizPanelData } from "@/components/quiz-player/quiz-lesson";
import { QuizLesson } from "./lesson-panels";
import { PlayerProgressProvider } from "./player-progress";
import { RecordVisit } from "./record-visit";
import { VideoPlayer } from "./video-player";

type LessonPlayerProps = {
  /** "preview": an editor sees the lesson as a learner would; nothing is sent or recorded. */
  mode: "learner" | "preview";
  course: { id: string; title: string; href: string };
  /** Lessons link to `${lessonPath}/${lessonId}`. */
  lessonPath: string;
  curriculum: (PlayerModule & { lessons: (PlayerModule["lessons"][number] & { completed: boolean })[] })[];
  progress: number;
  courseMaterials: PlayerMaterial[];
  lesson: {
    id: string;
    title: string;
    kind: "lesson" | "quiz" | "assignment";
    moduleTitle: string;
    content: string | null;
    hasVideo: boolean;
  };
  /** A quiz lesson's settings and the learner's attempts (or, in the preview, its questions). */
  quiz?: QuizPanelData;
  /** An assignment lesson's instructions and the learner's submission (or, in the preview, what learners are asked). */
  assignment?: ReactNode;
  /** The lesson's "Questions" panel (src/components/discussions), for those who may read the course's discussions. */
  questions?: ReactNode;
  lessonMaterials: PlayerMaterial[];
  videoPosition: number;
  /** Where the learner goes once done: My courses, or back to the editor. */
  exit: { href: string; label: string };
  /** The course awards a certificate of completion: once the course is complete, the notice points to it. */
  certificate?: boolean;
};

/**
 * The course player: the lesson (video, content, materials), the curriculum beside it, completion and the way to the
 * previous and next lessons. The learner's player and the editors' preview both render it; the preview says so at the
 * top and keeps completion on the page.
 */
export function LessonPlayer({
  mode,
  course,
  lessonPath,
  curriculum,
  progress,
  courseMaterials,
  lesson,
  lessonMaterials,
  videoPosition,
  quiz,
  assignment,
  questions,
  exit,
  certificate = false,
}: LessonPlayerProps) {
  const tracking = mode === "learner";
  const { previous, next, position, count } = lessonNeighbours(curriculum, lesson.id);
  const lessons = curriculum.flatMap((m) => m.lessons);

  return (
    <PlayerProgressProvider
      lessonIds={lessons.map((l) => l.id)}
      initialCompleted={lessons.filter((l) => l.completed).map((l) => l.id)}
      initialProgress={progress}
      tracking={tracking}
    >
      {tracking && <RecordVisit courseId={course.id} lessonId={lesson.id} />}
      <div className="flex flex-col gap-6">
        {!tracking && (
          <p
            role="note"
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50"
          >
            <Eye aria-hidden="true" className="h-4 w-4 shrink-0" />
            <span className="flex-1">
              <strong className="font-semibold">Preview.</strong> You see this lesson as an enrolled learner does. Nothing is recorded: no
              enrollment, no progress.
            </span>
            <Link href={exit.href} className="font-medium underline">
              {exit.label}
            </Link>
          </p>
        )}
        <header className="flex flex-col gap-2">
          <p className="text-sm text-slate-600 dark:text-slate-300">
            <Link href={course.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {course.title}
            </Link>
            {" · "}
            {lesson.moduleTitle} · Lesson {position} of {count}
          </p>
          <h1 className="text-3xl font-bold tracking-tight">{lesson.title}</h1>
          <div className="max-w-md">
            <CourseProgress courseTitle={course.title} />
          </div>
        </header>

        <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <aside className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start">
            <CurriculumNav lessonPath={lessonPath} modules={curriculum} currentLessonId={lesson.id} />
            {courseMaterials.length > 0 && (
              <section aria-labelledby="course-materials-title" className="flex flex-col gap-2">
                <h2 id="course-materials-title" className="text-sm font-semibold">
                  Course materials
                </h2>
                <MaterialDownloads
                  materials={courseMaterials}
                  urlBase={`/api/my-courses/${course.id}/materials`}
                  label="Course materials"
                />
              </section>
            )}
          </aside>

          <div className="flex min-w-0 flex-col gap-6">
            {lesson.hasVideo && (
              <VideoPlayer
                courseId={course.id}
                lessonId={lesson.id}
                title={lesson.title}
                initialPosition={videoPosition}
                tracking={tracking}
              />
            )}
            <LessonContent markdown={lesson.content} />
            {lessonMaterials.length > 0 && (
              <section aria-labelledby="lesson-materials-title" className="flex flex-col gap-2">
                <h2 id="lesson-materials-title" className="text-lg font-semibold">
                  Lesson materials
                </h2>
                <MaterialDownloads
                  materials={lessonMaterials}
                  urlBase={`/api/my-courses/${course.id}/lessons/${lesson.id}/materials`}
                  label="Lesson materials"
                />
              </section>
            )}
            {quiz && <QuizLesson courseId={course.id} lessonId={lesson.id} data={quiz} />}
            {assignment}
            <div className="flex flex-col gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
              {/* A quiz is completed by passing it and an assignment by a passing grade, never by a button. */}
              {lesson.kind === "lesson" && <MarkCompleteButton courseId={course.id} lessonId={lesson.id} />}
              <CourseCompleteNotice back={exit} certificate={tracking && certificate} />
            </div>
            <nav aria-label="Previous and next lesson" className="flex flex-wrap justify-between gap-3">
              {previous ? (
                <Link href={`${lessonPath}/${previous.id}`} className={buttonStyles.secondary}>
                  <ChevronLeft aria-hidden="true" className="h-4 w-4" />
                  <span>
                    Previous<span className="sr-only">: {previous.title}</span>
                  </span>
                </Link>
              ) : (
                <span />
              )}
              {next ? (
                <Link href={`${lessonPath}/${next.id}`} className={buttonStyles.primary}>
                  <span>
                    Next<span className="sr-only">: {next.title}</span>
                  </span>
                  <ChevronRight aria-hidden="true" className="h-4 w-4" />
                </Link>
              ) : (
                <Link href={exit.href} className={buttonStyles.secondary}>
                  {exit.label}
                </Link>
              )}
            </nav>
            {questions}
          </div>
        </div>
      </div>
    </PlayerProgressProvider>
  );
}
