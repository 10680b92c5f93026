import { buttonStyles } from "@/components/ui/button-styles";
import { SUBMISSION_FILTERS } from "@/lib/validation/assignment";

type Assignment = { courseId: string; courseTitle: string; lessonId: string; lessonTitle: string };

const STATUS_LABELS: Record<(typeof SUBMISSION_FILTERS)[number], string> = {
  submitted: "To grade",
  late: "Late, to grade",
  graded: "Graded",
  returned: "Returned for revision",
};

// A long course or assignment title must not widen the page on a phone: the select takes the row's width at most.
const select =
  "w-full max-w-full truncate rounded-lg border border-slate-500 bg-white px-2 py-1.5 text-slate-900 sm:w-auto sm:max-w-xs dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100";

/** The queue's filters: a plain GET form, so that it works before (and without) the page's script. */
export function SubmissionQueueFilters({
  assignments,
  filters,
}: {
  assignments: Assignment[];
  filters: { courseId?: string; lessonId?: string; status?: string };
}) {
  const courses = [...new Map(assignments.map((a) => [a.courseId, a.courseTitle])).entries()];
  return (
    <form method="get" action="/instructor/submissions" aria-label="Filter submissions" className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-medium">
        Course
        <select name="courseId" defaultValue={filters.courseId ?? ""} className={select}>
          <option value="">All courses</option>
          {courses.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-medium">
        Assignment
        <select name="lessonId" defaultValue={filters.lessonId ?? ""} className={select}>
          <option value="">All assignments</option>
          {assignments.map((a) => (
            <option key={a.lessonId} value={a.lessonId}>
              {a.lessonTitle} ({a.courseTitle})
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-medium">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={select}>
          <option value="">Any status</option>
          {SUBMISSION_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonStyles.secondary}>
        Show
      </button>
    </form>
  );
}
