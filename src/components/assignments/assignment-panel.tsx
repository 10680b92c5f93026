"use client";

import { X } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useId, useState } from "react";
import { toast } from "sonner";
import { useHydrated } from "@/components/curriculum/use-curriculum-tree";
import { UploadField } from "@/components/upload/upload-field";
import { LocalTime } from "@/components/ui/local-time";
import { buttonStyles } from "@/components/ui/button-styles";
import { formatBytes } from "@/lib/format";
import { sendJson } from "@/lib/http/client-json";
import type { SubmissionView } from "@/lib/assignments/submissions";
import { ACCEPTED_TYPES } from "@/lib/validation/file-types";
import { SUBMISSION_TEXT_MAX_LENGTH } from "@/lib/validation/assignment-limits";
import { TimeLeft } from "./time-left";

export type LearnerAssignment = {
  dueAt: string | null;
  maxPoints: number;
  passingPoints: number;
  acceptText: boolean;
  acceptFiles: boolean;
  acceptedTypes: string[];
  maxFiles: number;
  maxFileBytes: number;
  allowLate: boolean;
  canSubmit: boolean;
  late: boolean;
  closedReason: string | null;
};

type Staged = { uploadId: string; fileName: string; size: number };

const field =
  "rounded-lg border border-slate-500 bg-white px-3 py-2 text-slate-900 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100";

/**
 * The learner's side of an assignment in the player: the due date and time left, the grade and feedback once returned,
 * the form (a text answer and files, uploaded straight to storage with progress, cancel and retry) while a hand-in is
 * accepted, and every version handed in (`versions`, rendered on the server: their text and feedback are markdown). The
 * instructions are the lesson's own text, shown above it by the page. The hand-in is parsed by the server only
 * (submitAssignmentSchema): its refusal is shown as any other, and the player ships no zod.
 */
export function AssignmentPanel({
  courseId,
  lessonId,
  assignment,
  submission,
  serverMaxBytes,
  versions,
}: {
  courseId: string;
  lessonId: string;
  assignment: LearnerAssignment;
  submission: SubmissionView | null;
  serverMaxBytes: number;
  versions: ReactNode;
}) {
  const router = useRouter();
  const ready = useHydrated();
  const id = useId();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<Staged[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const maxBytes = Math.min(assignment.maxFileBytes, serverMaxBytes);
  const types = assignment.acceptedTypes.length ? assignment.acceptedTypes : Object.keys(ACCEPTED_TYPES.submission);
  const accept = [...new Set(types.flatMap((t) => [t, ...(ACCEPTED_TYPES.submission[t] ?? [])]))].join(",");
  const latest = submission?.versions[0];

  async function handIn(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await sendJson(`/api/my-courses/${courseId}/lessons/${lessonId}/submission`, {
      text: assignment.acceptText ? text : undefined,
      uploadIds: files.map((f) => f.uploadId),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const done = `Handed in${assignment.late ? " (late)" : ""}. Your instructor will grade it.`;
    setStatus(done);
    toast.success(done);
    setText("");
    setFiles([]);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-about`} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <h2 id={`${id}-about`} className="text-xl font-semibold">
          Your submission
        </h2>
        <p>
          {assignment.maxPoints} points; {assignment.passingPoints} to pass, which completes this lesson.
        </p>
        {assignment.dueAt ? (
          <p>
            Due <LocalTime iso={assignment.dueAt} /> (<TimeLeft iso={assignment.dueAt} />)
            {assignment.allowLate ? "; late work is accepted and marked late." : "."}
          </p>
        ) : (
          <p>No due date.</p>
        )}
        {submission?.status === "graded" && (
          <p className="font-medium">
            Graded: {submission.points} of {assignment.maxPoints} points, {submission.passed ? "passed" : "not passed"}.
          </p>
        )}
        {submission?.status === "returned" && (
          <p className="font-medium">Your instructor asked for a revision: hand in a new version below.</p>
        )}
        {submission?.status === "submitted" && (
          <p>
            Version {latest?.number} handed in
            {latest ? (
              <>
                {" "}
                <LocalTime iso={latest.submittedAt} />
              </>
            ) : null}
            , waiting for a grade
            {assignment.canSubmit ? "; you may replace it until then." : "."}
          </p>
        )}
      </section>

      {assignment.canSubmit ? (
        <form onSubmit={(e) => void handIn(e)} aria-labelledby={`${id}-form`} className="flex flex-col gap-4" noValidate>
          <h2 id={`${id}-form`} className="text-xl font-semibold">
            {submission ? "Hand in a new version" : "Hand in your work"}
          </h2>
          {assignment.late && (
            <p role="note" className="rounded-lg bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              The due date has passed: this will be marked late.
            </p>
          )}
          {assignment.acceptText && (
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-text`} className="font-medium">
                Your answer <span className="font-normal text-slate-700 dark:text-slate-300">(Markdown)</span>
              </label>
              <textarea
                id={`${id}-text`}
                rows={10}
                maxLength={SUBMISSION_TEXT_MAX_LENGTH}
                value={text}
                onChange={(e) => setText(e.target.value)}
                className={field}
              />
            </div>
          )}
          {assignment.acceptFiles && (
            <div className="flex flex-col gap-2">
              {files.length > 0 && (
                <ul aria-label="Files to hand in" className="flex flex-col gap-2">
                  {files.map((f) => (
                    <li key={f.uploadId} className="flex flex-wrap items-center gap-3">
                      <span className="break-all font-medium">{f.fileName}</span>
                      <span className="text-sm text-slate-600 dark:text-slate-300">{formatBytes(f.size)}</span>
                      <button
                        type="button"
                        className={`${buttonStyles.secondary} px-2 py-1 text-sm`}
                        onClick={() => setFiles((list) => list.filter((x) => x.uploadId !== f.uploadId))}
                      >
                        <X aria-hidden="true" className="h-4 w-4" />
                        Remove<span className="sr-only"> {f.fileName}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {files.length < assignment.maxFiles ? (
                <UploadField
                  kind="submission"
                  label={`Add a file (${files.length} of at most ${assignment.maxFiles})`}
                  maxBytes={maxBytes}
                  accept={accept}
                  target={{ courseId, lessonId }}
                  resumeKey={`submission:${lessonId}:${files.length}`}
                  successMessage="File uploaded: hand it in when your submission is ready."
                  onUploaded={(file) => setFiles((list) => [...list, file as Staged])}
                />
              ) : (
                <p>That is as many files as this assignment takes.</p>
              )}
            </div>
          )}
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonStyles.primary} disabled={!ready || busy}>
              {busy ? "Handing in…" : "Hand in"}
            </button>
            <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
              {status}
            </p>
          </div>
        </form>
      ) : (
        assignment.closedReason && submission?.status !== "graded" && <p>{assignment.closedReason}</p>
      )}

      {versions}
    </div>
  );
}
