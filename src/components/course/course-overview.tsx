import { BookOpen, Check, Clock, Film, MessagesSquare, Paperclip, Users } from "lucide-react";
import type { ReactNode } from "react";
import { CourseThumbnail } from "@/components/catalog/course-thumbnail";
import { LessonKind } from "@/components/curriculum/lesson-kind";
import { difficultyLabel, formatDuration, plural } from "@/lib/format";
import type { LessonKindInput } from "@/lib/validation/course";

export type OverviewLesson = {
  id: string;
  title: string;
  /** A quiz (or, later, an assignment) says so beside its title; a plain lesson shows what it holds. */
  kind?: LessonKindInput;
  durationMinutes: number | null;
  hasVideo: boolean;
  /** The video's length, when known. */
  videoSeconds?: number | null;
  /** The lesson carries handouts (materials): a paperclip says so. */
  hasMaterials?: boolean;
};

export type CourseOverviewData = {
  title: string;
  description: string | null;
  category: string | null;
  difficulty: string | null;
  estimatedDuration: number | null;
  totalLessons: number;
  instructorName: string | null;
  instructorBio?: string | null;
  /** "What you will learn", one point each. */
  outcomes?: string[];
  enrollmentCount?: number;
  thumbnailUrl?: string | null;
  materialsCount: number;
  /** Questions in the course's discussions (their text is for its members only). */
  questionCount?: number;
  modules: { id: string; title: string; lessons: OverviewLesson[] }[];
};

/** "0:08", "12:30", "1:02:05". */
function clock(seconds: number) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(Math.round(seconds % 60)).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const muted = "text-slate-700 dark:text-slate-300";
const sectionHeading = "text-2xl font-semibold tracking-tight";

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      {icon}
      <span>{children}</span>
    </li>
  );
}

function LessonLine({ lesson }: { lesson: OverviewLesson }) {
  const duration = formatDuration(lesson.durationMinutes);
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 py-2 first:border-t-0 dark:border-slate-800">
      <span className="min-w-0 flex-1 break-words text-slate-900 dark:text-slate-100">{lesson.title}</span>
      {/* What the lesson is (a quiz…) and what it holds. */}
      <span className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-300">
        {lesson.kind && lesson.kind !== "lesson" && <LessonKind kind={lesson.kind} />}
        {lesson.hasVideo && (
          <span className="flex items-center gap-1">
            <Film aria-hidden="true" className="h-4 w-4" />
            <span>Video{lesson.videoSeconds ? ` ${clock(lesson.videoSeconds)}` : ""}</span>
          </span>
        )}
        {lesson.hasMaterials && (
          <span className="flex items-center gap-1">
            <Paperclip aria-hidden="true" className="h-4 w-4" />
            <span>Handout</span>
          </span>
        )}
        {duration && (
          <span className="flex items-center gap-1">
            <Clock aria-hidden="true" className="h-4 w-4" />
            <span>{duration}</span>
          </span>
        )}
      </span>
    </li>
  );
}

/**
 * The course as a learner sees it before enrolling: picture, what it teaches, who teaches it, how many take it, and its
 * curriculum. Used by the course page and the editor's preview; `action` is the page's button (Enroll, Continue…).
 */
export function CourseOverview({ course, action }: { course: CourseOverviewData; action?: ReactNode }) {
  const duration = formatDuration(course.estimatedDuration);
  const outcomes = course.outcomes ?? [];
  const enrolled = course.enrollmentCount ?? 0;
  return (
    <article className="flex flex-col gap-10">
      <header className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)] lg:gap-10">
        <div className="flex min-w-0 flex-col gap-4">
          {(course.category || course.difficulty) && (
            <p className="flex flex-wrap gap-2 text-sm font-medium">
              {course.category && <span className="rounded-full bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{course.category}</span>}
              {course.difficulty && (
                <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                  {difficultyLabel(course.difficulty)}
                </span>
              )}
            </p>
          )}
          <h1 className="break-words text-3xl font-bold tracking-tight sm:text-4xl">{course.title}</h1>
          {course.instructorName && (
            <p className={muted}>
              by{" "}
              <a href="#instructor" className="font-medium text-slate-900 underline-offset-2 hover:underline dark:text-slate-100">
                {course.instructorName}
              </a>
            </p>
          )}
          <ul aria-label="Course facts" className={`flex flex-wrap gap-x-5 gap-y-2 text-sm ${muted}`}>
            <Fact icon={<BookOpen aria-hidden="true" className="h-4 w-4" />}>{plural(course.totalLessons, "lesson")}</Fact>
            {duration && <Fact icon={<Clock aria-hidden="true" className="h-4 w-4" />}>{duration}</Fact>}
            {enrolled > 0 && (
              <Fact icon={<Users aria-hidden="true" className="h-4 w-4" />}>
                {enrolled.toLocaleString("en")} {enrolled === 1 ? "learner" : "learners"} enrolled
              </Fact>
            )}
            {course.materialsCount > 0 && (
              <Fact icon={<Paperclip aria-hidden="true" className="h-4 w-4" />}>{plural(course.materialsCount, "handout")}</Fact>
            )}
            {(course.questionCount ?? 0) > 0 && (
              <Fact icon={<MessagesSquare aria-hidden="true" className="h-4 w-4" />}>
                {plural(course.questionCount!, "question")} from learners, answered in the course
              </Fact>
            )}
          </ul>
          {action}
        </div>
        {course.thumbnailUrl && (
          <CourseThumbnail
            url={course.thumbnailUrl}
            title={course.title}
            priority
            className="order-first aspect-video w-full rounded-xl shadow-sm lg:order-last"
          />
        )}
      </header>

      {outcomes.length > 0 && (
        <section
          aria-labelledby="outcomes-heading"
          className="flex flex-col gap-4 rounded-xl border border-slate-200 p-5 dark:border-slate-800"
        >
          <h2 id="outcomes-heading" className={sectionHeading}>
            What you will learn
          </h2>
          <ul className="grid gap-x-8 gap-y-3 md:grid-cols-2">
            {outcomes.map((outcome, index) => (
              <li key={index} className="flex gap-2">
                <Check aria-hidden="true" className="mt-1 h-4 w-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
                <span className="min-w-0 break-words">{outcome}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {course.description && (
        <section aria-labelledby="about-heading" className="flex flex-col gap-3">
          <h2 id="about-heading" className={sectionHeading}>
            About this course
          </h2>
          <p className="max-w-3xl whitespace-pre-line break-words text-lg text-slate-800 dark:text-slate-200">{course.description}</p>
        </section>
      )}

      <section aria-labelledby="curriculum-heading" className="flex flex-col gap-3">
        <h2 id="curriculum-heading" className={sectionHeading}>
          Curriculum
        </h2>
        {course.modules.length === 0 ? (
          <p className={muted}>No lessons yet.</p>
        ) : (
          <p className={muted}>
            {plural(course.modules.length, "module")} · {plural(course.totalLessons, "lesson")}
            {duration ? ` · ${duration}` : ""}
          </p>
        )}
        <ol className="flex flex-col gap-4">
          {course.modules.map((module, index) => (
            <li key={module.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <h3 className="break-words font-semibold">
                Module {index + 1}: {module.title}
              </h3>
              <ol className="mt-2 flex flex-col">
                {module.lessons.map((lesson) => (
                  <LessonLine key={lesson.id} lesson={lesson} />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>

      {course.instructorName && (
        <section id="instructor" aria-labelledby="instructor-heading" className="flex scroll-mt-6 flex-col gap-3">
          <h2 id="instructor-heading" className={sectionHeading}>
            Your instructor
          </h2>
          <p className="text-lg font-semibold">{course.instructorName}</p>
          {course.instructorBio && (
            <p className="max-w-3xl whitespace-pre-line break-words text-slate-800 dark:text-slate-200">{course.instructorBio}</p>
          )}
        </section>
      )}
    </article>
  );
}
