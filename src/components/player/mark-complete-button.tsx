"use client";

import { useRef } from "react";
import { CheckCircle2, Circle } from "lucide-react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import { usePlayerProgress } from "./player-progress";

type CompletionResult = { lessonId: string; completed: boolean; progress: number; courseCompleted: boolean };

/** A toggle: pressed when the lesson is complete. The tick and the progress move at once; a refusal puts them back. */
export function MarkCompleteButton({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { isCompleted, setCompleted, confirm } = usePlayerProgress();
  const pending = useRef(false);
  const completed = isCompleted(lessonId);

  async function toggle() {
    if (pending.current) return;
    pending.current = true;
    const want = !completed;
    setCompleted(lessonId, want);
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
    <button type="button" aria-pressed={completed} onClick={toggle} className={completed ? buttonStyles.secondary : buttonStyles.primary}>
      {completed ? (
        <CheckCircle2 aria-hidden="true" className="h-5 w-5 text-emerald-700 dark:text-emerald-400" />
      ) : (
        <Circle aria-hidden="true" className="h-5 w-5" />
      )}
      Mark complete
    </button>
  );
}
