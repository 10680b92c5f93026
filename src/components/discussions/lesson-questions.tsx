"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import dynamic from "next/dynamic";
import { useId, useState } from "react";

/** The panel's code (the list, a thread, the forms) is loaded when the panel is first opened, not with the player. */
const DiscussionPanel = dynamic(() => import("./discussion-panel").then((m) => m.DiscussionPanel), {
  loading: () => <p>Loading the questions…</p>,
});

/**
 * The player's "Questions" panel beside the lesson: a tab-like button with the lesson's count that opens the lesson's
 * questions (open at once when a notification's link names a thread).
 */
export function LessonQuestions({
  courseId,
  lessonId,
  count,
  threadId,
  boardHref,
}: {
  courseId: string;
  lessonId: string;
  count: number;
  threadId: string | null;
  boardHref: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(threadId !== null);
  const [shown, setShown] = useState(count);
  return (
    <section aria-labelledby={`${id}-tab`} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h2 className="text-lg font-semibold">
        <button
          id={`${id}-tab`}
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex items-center gap-2 rounded-md px-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {open ? <ChevronDown aria-hidden="true" className="h-5 w-5" /> : <ChevronRight aria-hidden="true" className="h-5 w-5" />}
          Questions
          <span
            className="rounded-full bg-slate-200 px-2 text-sm font-semibold text-slate-900 dark:bg-slate-700 dark:text-slate-50"
            data-testid="questions-count"
          >
            {shown}
            <span className="sr-only"> on this lesson</span>
          </span>
        </button>
      </h2>
      <div id={`${id}-panel`} hidden={!open}>
        {open && <DiscussionPanel courseId={courseId} lessonId={lessonId} initialThreadId={threadId} onCount={setShown} />}
        <p className="mt-3 text-sm">
          <a href={boardHref} className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            All of the course&apos;s questions
          </a>
        </p>
      </div>
    </section>
  );
}
