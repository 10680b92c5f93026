import Link from "next/link";
import type { MyCoursesFilter } from "@/lib/validation/learning";

const filters: { value: MyCoursesFilter; label: string; noun: string }[] = [
  { value: "in-progress", label: "In progress", noun: "in progress" },
  { value: "completed", label: "Completed", noun: "completed" },
  { value: "all", label: "All", noun: "in all" },
];

const hrefOf = (value: MyCoursesFilter) => (value === "all" ? "/my-courses" : `/my-courses?show=${value}`);

/**
 * My courses' filters as links (each one a URL to share or bookmark; Tab and Enter use them), the current one marked
 * for assistive technology, and a live line that says what the list now shows after a change.
 */
export function MyCoursesFilters({ current, counts }: { current: MyCoursesFilter; counts: Record<MyCoursesFilter, number> }) {
  const shown = filters.find((f) => f.value === current)!;
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label="Filter my courses">
        <ul className="flex flex-wrap gap-2">
          {filters.map((filter) => {
            const active = filter.value === current;
            return (
              <li key={filter.value}>
                <Link
                  href={hrefOf(filter.value)}
                  scroll={false}
                  aria-current={active ? "page" : undefined}
                  className={`inline-flex items-center gap-1 rounded-full border px-3 py-1.5 text-sm font-medium ${
                    active
                      ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950"
                      : "border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
                  }`}
                >
                  {filter.label}
                  <span className="tabular-nums">({counts[filter.value]})</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {counts[current] === 1 ? "1 course" : `${counts[current]} courses`} {shown.noun}.
      </p>
    </div>
  );
}
