"use client";

import { useRef } from "react";
import { CheckCircle2, Circle } from "lucide-react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import { usePlayerProgress } from "./player-progress";

type CompletionResult = { lessonId: string; completed: boolean; progress: number; courseCompleted: boolean };

/**
 * "Mark complete" while the lesson is not done; once it is, "Completed" and a "Mark as not complete" button (the same
 * button element, so focus stays on it). The tick and the progress move at once; a refusal puts them back. In an
 * editor's preview the change stays on the page: nothing is sent.
 */
export function MarkCompleteButton({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { isCompleted, setCompleted, confirm, tracking } = usePlayerProgress();
  const pending = useRef(false);
  const completed = isCompleted(lessonId);

  async function toggle() {
    if (pending.current) return;
    const want = !completed;
    setCompleted(lessonId, want);
    if (!tracking) {
      toast.success(`Preview: shown as ${want ? "completed" : "not complete"} on this page only. Nothing is recorded.`);
      return;
    }
    pending.current = true;
    const result = await sendJson<CompletionResult>(`/api/my-courses/${courseId}/lessons/${lessonId}/complete`, { completed: want });
    pending.current = false;
    if (!result.ok) {
      setCompleted(lessonId, !want);
      toast.error(result.error.message);
      return;
    }
    confirm(result.data);
    if (result.data.courseCompleted && want) toast.success("You have finished the course. Well done!");
    else toast.success(want ? "Lesson marked complete" : "Lesson marked not complete");
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {completed && (
        <p className="inline-flex items-center gap-2 font-semibold text-emerald-800 dark:text-emerald-300">
          <CheckCircle2 aria-hidden="true" className="h-5 w-5" />
          Completed
        </p>
      )}
      <button type="button" onClick={toggle} className={completed ? buttonStyles.secondary : buttonStyles.primary}>
        {!completed && <Circle aria-hidden="true" className="h-5 w-5" />}
        {completed ? "Mark as not complete" : "Mark complete"}
      </button>
    </div>
  );
}
