import Link from "next/link";
import { ListFilter } from "lucide-react";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import type { AppliedCohort } from "@/lib/analytics/types";

type CohortFilterProps = {
  /** The page the form asks (a plain GET, so it works without JavaScript and the filter stays in the URL). */
  action: string;
  /** The cohorts the viewer may pick. */
  cohorts: { id: string; name: string }[];
  current: AppliedCohort;
  /** The rest of the page's view to keep (range, search, order), defaults left out. */
  keep: Record<string, string | undefined>;
  /** The same view without the cohort. */
  clearHref: string;
};

/**
 * The one cohort filter of an analytics page: a labelled select with an Apply button, and, when a cohort applies, a
 * line that says so with a link back to every learner.
 */
export function CohortFilter({ action, cohorts, current, keep, clearHref }: CohortFilterProps) {
  return (
    <div className="flex flex-col gap-2">
      {cohorts.length > 0 && (
        <form method="get" action={action} aria-label="Cohort filter" className="flex flex-wrap items-end gap-3">
          {Object.entries(keep).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="analytics-cohort" className="text-sm font-medium">
              Cohort
            </label>
            <select id="analytics-cohort" name="cohortId" defaultValue={current?.id ?? ""} className={`${inputClass} max-w-full`}>
              <option value="">Every learner</option>
              {cohorts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonStyles.secondary}>
            <ListFilter aria-hidden="true" className="h-4 w-4" />
            Apply
          </button>
        </form>
      )}
      {current && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Showing members of {current.name} only.{" "}
          <Link href={clearHref} className={buttonStyles.link}>
            Show every learner
          </Link>
        </p>
      )}
    </div>
  );
}
