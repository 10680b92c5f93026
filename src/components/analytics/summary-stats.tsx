import type { EnrollmentSummary } from "@/lib/analytics/types";
import type { AnalyticsRange } from "@/lib/validation/analytics";
import { percent } from "./labels";
import { rangePhrase } from "./range-picker";
import { StatCards } from "./stat-cards";

/** The six headline figures of a course or an instructor's courses, under a "Summary" heading. */
export function SummaryStats({ summary, range }: { summary: EnrollmentSummary; range: AnalyticsRange }) {
  return (
    <section aria-labelledby="summary-title" className="flex flex-col gap-4">
      <h2 id="summary-title" className="text-xl font-semibold">
        Summary
      </h2>
      <StatCards
        stats={[
          { label: "Enrollments", value: summary.enrollments, note: range === "all" ? "all time" : `in ${rangePhrase(range)}` },
          { label: "Completions", value: summary.completions, note: "of these enrollments" },
          { label: "Completion rate", value: percent(summary.completionRate), note: "of these enrollments" },
          { label: "Average progress", value: percent(summary.averageProgress), note: "of these enrollments" },
          { label: "Active learners, 7 days", value: summary.activeLearners7d, note: "completed a lesson" },
          { label: "Active learners, 30 days", value: summary.activeLearners30d, note: "completed a lesson" },
        ]}
      />
    </section>
  );
}
