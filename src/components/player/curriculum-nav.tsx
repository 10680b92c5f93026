"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { CheckCircle2, ChevronDown, Circle, ClipboardList, ListChecks, Paperclip, PlayCircle } from "lucide-react";
import { usePlayerProgress } from "./player-progress";

export type PlayerModule = {
  id: string;
  title: string;
  lessons: {
    id: string;
    title: string;
    kind?: "lesson" | "quiz" | "assignment";
    durationMinutes: number | null;
    hasVideo: boolean;
    hasMaterials: boolean;
  }[];
};

/**
 * The course's modules and lessons with completion ticks, and icons (with their text) for a quiz, an assignment, a video and handouts;
 * folds away behind a button on small screens. Lessons link into the player, or into the editors' preview.
 */
export function CurriculumNav({
  lessonPath,
  modules,
  currentLessonId,
}: {
  /** Lessons link to `${lessonPath}/${lessonId}`. */
  lessonPath: string;
  modules: PlayerModule[];
  currentLessonId: string;
}) {
  const { isCompleted } = usePlayerProgress();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const lessonCount = modules.reduce((n, m) => n + m.lessons.length, 0);
  const doneCount = modules.reduce((n, m) => n + m.lessons.filter((l) => isCompleted(l.id)).length, 0);
  return (
    <nav aria-label="Curriculum" className="rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between gap-2 rounded-xl px-4 py-3 text-left font-semibold lg:hidden"
      >
        <span>
          Course contents
          <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">{`${doneCount} of ${lessonCount} done`}</span>
        </span>
        <ChevronDown aria-hidden="true" className={`h-5 w-5 transition-transform ${open ? "rotate-180" : ""}`} />
      </button>
      <div
        id={listId}
        className={`${open ? "block" : "hidden"} border-t border-slate-200 p-2 lg:block lg:border-t-0 dark:border-slate-800`}
      >
        {modules.map((module) => (
          <div key={module.id} className="py-2">
            <h2 className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{module.title}</h2>
            <ul>
              {module.lessons.map((lesson) => {
                const current = lesson.id === currentLessonId;
                const done = isCompleted(lesson.id);
                return (
                  <li key={lesson.id}>
                    <Link
                      href={`${lessonPath}/${lesson.id}`}
                      aria-current={current ? "page" : undefined}
                      className={`flex items-start gap-2 rounded-lg px-2 py-2 text-sm ${
                        current
                          ? "bg-indigo-50 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
                          : "text-slate-800 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
                      }`}
                    >
                      {done ? (
                        <CheckCircle2 aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
                      ) : (
                        <Circle aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-slate-400 dark:text-slate-500" />
                      )}
                      <span className="flex-1">
                        {lesson.title}
                        {lesson.kind === "quiz" && <span className="sr-only"> (quiz)</span>}
                        {lesson.kind === "assignment" && <span className="sr-only"> (assignment)</span>}
                        {done && <span className="sr-only"> (completed)</span>}
                      </span>
                      {lesson.kind === "quiz" && (
                        <ListChecks aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-slate-500 dark:text-slate-400" />
                      )}
                      {lesson.kind === "assignment" && (
                        <ClipboardList aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 text-slate-500 dark:text-slate-400" />
                      )}
                      {lesson.hasVideo && (
                        <PlayCircle aria-label="video" role="img" className="mt-0.5 h-4 w-4 shrink-0 text-slate-500 dark:text-slate-400" />
                      )}
                      {lesson.hasMaterials && (
                        <Paperclip
                          aria-label="handouts"
                          role="img"
                          className="mt-0.5 h-4 w-4 shrink-0 text-slate-500 dark:text-slate-400"
                        />
                      )}
                      {lesson.durationMinutes ? (
                        <span className="shrink-0 text-xs tabular-nums text-slate-600 dark:text-slate-300">
                          {lesson.durationMinutes} min
                        </span>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
