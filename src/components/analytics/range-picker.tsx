import Link from "next/link";
import { ANALYTICS_RANGES, type AnalyticsRange } from "@/lib/validation/analytics";

const rangeLabels: Record<AnalyticsRange, string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days", all: "All time" };

/** "Last 30 days", "All time": what a range covers, for headings and notes. */
export const rangePhrase = (range: AnalyticsRange) => (range === "all" ? "all time" : `the last ${rangeLabels[range]}`);

/**
 * The date range as a row of links (a segmented control that works without JavaScript and shares as a URL); the
 * current one is marked with aria-current.
 */
export function RangePicker({ current, hrefFor }: { current: AnalyticsRange; hrefFor: (range: AnalyticsRange) => string }) {
  return (
    <nav aria-label="Date range">
      <ul className="inline-flex flex-wrap overflow-hidden rounded-lg border border-slate-300 dark:border-slate-600">
        {ANALYTICS_RANGES.map((range) => {
          const active = range === current;
          return (
            <li key={range} className="border-slate-300 not-first:border-l dark:border-slate-600">
              <Link
                href={hrefFor(range)}
                aria-current={active ? "page" : undefined}
                scroll={false}
                className={`block px-3 py-1.5 text-sm font-medium ${
                  active
                    ? "bg-indigo-700 text-white dark:bg-indigo-300 dark:text-slate-950"
                    : "text-slate-900 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800"
                }`}
              >
                {rangeLabels[range]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
