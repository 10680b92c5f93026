import Link from "next/link";
import { Search } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { courseAnalyticsHref, type CourseAnalyticsView } from "./course-analytics-href";

/** A plain GET form: the search goes into the URL with the range, cohort and order, back to page 1. */
export function LearnerSearchForm({ courseId, view }: { courseId: string; view: CourseAnalyticsView }) {
  return (
    <form
      method="get"
      action={`/instructor/courses/${courseId}/analytics`}
      role="search"
      aria-label="Learners"
      className="flex flex-wrap items-end gap-3"
    >
      {view.range !== "30d" && <input type="hidden" name="range" value={view.range} />}
      {view.cohortId && <input type="hidden" name="cohortId" value={view.cohortId} />}
      {view.sort !== "enrolled" && <input type="hidden" name="sort" value={view.sort} />}
      {view.dir !== "desc" && <input type="hidden" name="dir" value={view.dir} />}
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-sm">
        <label htmlFor="learner-search" className="text-sm font-medium">
          Search by name or e-mail
        </label>
        <input
          id="learner-search"
          name="q"
          type="search"
          defaultValue={view.q ?? ""}
          maxLength={200}
          autoComplete="off"
          className={inputClass}
        />
      </div>
      <button type="submit" className={buttonStyles.primary}>
        <Search aria-hidden="true" className="h-4 w-4" />
        Search
      </button>
      {view.q && (
        <Link href={courseAnalyticsHref(courseId, { ...view, q: undefined, page: 1 })} className={buttonStyles.secondary}>
          Clear search
        </Link>
      )}
    </form>
  );
}
