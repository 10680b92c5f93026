import { LessonContent } from "@/components/content/lesson-content";
import { LocalTime } from "@/components/ui/local-time";
import type { SubmissionView } from "@/lib/assignments/submissions";
import { AssignmentPanel } from "@/components/player/lesson-panels";
import type { LearnerAssignment } from "./assignment-panel";
import { SubmissionVersions } from "./submission-versions";

/**
 * An assignment in the player: its instructions, then the learner's side (the form, the grade, the history). In the
 * editors' preview, the instructions and what learners may hand in, without a form: nothing is handed in from there.
 */
export function AssignmentLesson({
  courseId,
  lessonId,
  instructions,
  assignment,
  submission,
  serverMaxBytes,
  preview = false,
}: {
  courseId: string;
  lessonId: string;
  instructions: string;
  assignment: LearnerAssignment;
  submission: SubmissionView | null;
  serverMaxBytes: number;
  preview?: boolean;
}) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="instructions-title" className="flex flex-col gap-2">
        <h2 id="instructions-title" className="text-xl font-semibold">
          Instructions
        </h2>
        {instructions.trim() ? <LessonContent markdown={instructions} /> : <p>The instructor has not written instructions yet.</p>}
      </section>
      {preview ? (
        <section
          aria-labelledby="preview-hand-in-title"
          className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="preview-hand-in-title" className="text-xl font-semibold">
            What learners hand in
          </h2>
          <p>
            {[assignment.acceptText && "a text answer", assignment.acceptFiles && `up to ${assignment.maxFiles} files`]
              .filter(Boolean)
              .join(" and ")}
            ; {assignment.maxPoints} points, {assignment.passingPoints} to pass.
          </p>
          {assignment.dueAt && (
            <p>
              Due <LocalTime iso={assignment.dueAt} />
              {assignment.allowLate ? "; late work accepted and marked late." : "."}
            </p>
          )}
          <p>Learners see a form here to hand in their work. Nothing is handed in from the preview.</p>
        </section>
      ) : (
        <AssignmentPanel
          courseId={courseId}
          lessonId={lessonId}
          assignment={assignment}
          submission={submission}
          serverMaxBytes={serverMaxBytes}
          versions={submission && <SubmissionVersions versions={submission.versions} headingLevel={2} />}
        />
      )}
    </div>
  );
}
