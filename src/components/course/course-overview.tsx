import { BookOpen, Clock, Film, Paperclip } from "lucide-react";
import type { ReactNode } from "react";
import { difficultyLabel, formatDuration, plural } from "@/lib/format";

export type CourseOverviewData = {
  title: string;
  description: string | null;
  category: string | null;
  difficulty: string | null;
  estimatedDuration: number | null;
  totalLessons: number;
  instructorName: string | null;
  materialsCount: number;
  modules: { id: string; title: string; lessons: { id: string; title: string; durationMinutes: number | null; hasVideo: boolean }[] }[];
};

/** The course as a learner sees it before enrolling: used by the course page and the editor's preview. */
export function CourseOverview({ course, action }: { course: CourseOverviewData; action?: ReactNode }) {
  const duration = formatDuration(course.estimatedDuration);
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <p className="flex flex-wrap gap-2 text-sm font-medium">
          {course.category && <span className="rounded-full bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{course.category}</span>}
          {course.difficulty && (
            <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
              {difficultyLabel(course.difficulty)}
            </span>
          )}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{course.title}</h1>
        {course.instructorName && <p className="text-slate-700 dark:text-slate-300">by {course.instructorName}</p>}
        <p className="flex flex-wrap gap-4 text-sm text-slate-700 dark:text-slate-300">
          <span className="flex items-center gap-1">
            <BookOpen aria-hidden="true" className="h-4 w-4" />
            {plural(course.totalLessons, "lesson")}
          </span>
          {duration && (
            <span className="flex items-center gap-1">
              <Clock aria-hidden="true" className="h-4 w-4" />
              {duration}
            </span>
          )}
          <span className="flex items-center gap-1">
            <Paperclip aria-hidden="true" className="h-4 w-4" />
            {plural(course.materialsCount, "material")}
          </span>
        </p>
        {action}
      </header>
      {course.description && (
        <p className="max-w-3xl whitespace-pre-line text-lg text-slate-800 dark:text-slate-200">{course.description}</p>
      )}
      <section aria-labelledby="curriculum-heading" className="flex flex-col gap-3">
        <h2 id="curriculum-heading" className="text-2xl font-semibold">
          Curriculum
        </h2>
        {course.modules.length === 0 && <p className="text-slate-700 dark:text-slate-300">No lessons yet.</p>}
        <ol className="flex flex-col gap-4">
          {course.modules.map((module, index) => (
            <li key={module.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <h3 className="font-semibold">
                Module {index + 1}: {module.title}
              </h3>
              <ol className="mt-2 flex flex-col gap-1">
                {module.lessons.map((lesson) => (
                  <li key={lesson.id} className="flex flex-wrap items-center gap-2 text-slate-800 dark:text-slate-200">
                    <span className="flex-1">{lesson.title}</span>
                    {lesson.hasVideo && (
                      <span className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-300">
                        <Film aria-hidden="true" className="h-4 w-4" />
                        <span>video</span>
                      </span>
                    )}
                    {formatDuration(lesson.durationMinutes) && (
                      <span className="text-sm text-slate-600 dark:text-slate-300">{formatDuration(lesson.durationMinutes)}</span>
                    )}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
