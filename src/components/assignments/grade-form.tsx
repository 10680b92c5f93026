"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useHydrated } from "@/components/curriculum/use-curriculum-tree";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import { FEEDBACK_MAX_LENGTH, gradeSubmissionSchema } from "@/lib/validation/assignment";

const field =
  "rounded-lg border border-slate-500 bg-white px-3 py-1.5 text-slate-900 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100";

/**
 * Points and feedback for the latest version, or a request for a revision. Checked with the server's schema (and the
 * assignment's maximum) before it is sent; what happened is said in a live line and a toast, and the page refreshes.
 */
export function GradeForm({
  url,
  maxPoints,
  passingPoints,
  status,
  initial,
}: {
  url: string;
  maxPoints: number;
  passingPoints: number;
  status: "submitted" | "graded" | "returned";
  initial: { points: number | null; feedback: string };
}) {
  const router = useRouter();
  const ready = useHydrated();
  const id = useId();
  const [points, setPoints] = useState(initial.points === null ? "" : String(initial.points));
  const [feedback, setFeedback] = useState(initial.feedback);
  const [returnForRevision, setReturn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  if (status === "returned") {
    return <p>This submission was returned for revision. Grade it when the learner hands in a new version.</p>;
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = gradeSubmissionSchema.safeParse({
      points: points.trim() === "" ? undefined : Number(points),
      feedback,
      returnForRevision,
    });
    const problem = !parsed.success
      ? (parsed.error.issues[0]?.message ?? "Check the grade.")
      : parsed.data.points > maxPoints
        ? `The points can be at most ${maxPoints}.`
        : null;
    if (problem || !parsed.success) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await sendJson<{ progress: number }>(url, parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields.points ?? result.error.message);
      return;
    }
    const done = returnForRevision
      ? "Returned for revision: the learner can hand in a new version."
      : `Graded ${parsed.data.points} of ${maxPoints}: ${parsed.data.points >= passingPoints ? "passed, the lesson is complete" : "not passed"}.`;
    setMessage(done);
    toast.success(done);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label="Grade this submission" className="flex flex-col gap-3" noValidate>
      <label htmlFor={`${id}-points`} className="font-medium">
        Points (out of {maxPoints}; {passingPoints} to pass)
      </label>
      <input
        id={`${id}-points`}
        type="number"
        inputMode="numeric"
        min={0}
        max={maxPoints}
        step={1}
        value={points}
        onChange={(e) => setPoints(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={`${field} w-32`}
      />
      <label htmlFor={`${id}-feedback`} className="font-medium">
        Feedback <span className="font-normal text-slate-700 dark:text-slate-300">(Markdown; the learner sees it with the grade)</span>
      </label>
      <textarea
        id={`${id}-feedback`}
        rows={6}
        maxLength={FEEDBACK_MAX_LENGTH}
        value={feedback}
        onChange={(e) => setFeedback(e.target.value)}
        className={field}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={returnForRevision} onChange={(e) => setReturn(e.target.checked)} className="h-4 w-4" />
        Return for revision (the learner may hand in again; the lesson is not completed)
      </label>
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-300">
        {error}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.primary} disabled={!ready || busy}>
          {returnForRevision ? "Return for revision" : status === "graded" ? "Change the grade" : "Save the grade"}
        </button>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {message}
        </p>
      </div>
    </form>
  );
}
