import type { RangeInfo, TimePoint } from "@/lib/analytics/types";
import { rangePhrase } from "./range-picker";
import { TimeSeriesChart } from "./time-series-chart";

type OverTimeSectionProps = {
  range: RangeInfo;
  enrollments: TimePoint[];
  completions: TimePoint[];
  /** Where, for the empty texts: "this course", "your courses", "any course". */
  scope: string;
  headingLevel?: 2 | 3;
};

/** Enrollments and completions per bucket, side by side on a wide screen. */
export function OverTimeSection({ range, enrollments, completions, scope, headingLevel = 2 }: OverTimeSectionProps) {
  const Heading = `h${headingLevel}` as const;
  const period = rangePhrase(range.range);
  const series = [
    { series: "Enrollments", points: enrollments, tone: "indigo", verb: "enrolled in" },
    { series: "Completions", points: completions, tone: "emerald", verb: "completed" },
  ] as const;
  return (
    <section aria-labelledby="over-time-title" className="flex flex-col gap-4">
      <Heading id="over-time-title" className={headingLevel === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        Enrollments and completions over time
      </Heading>
      <div className="grid gap-4 lg:grid-cols-2">
        {series.map((s) => (
          <TimeSeriesChart
            key={s.series}
            title={`${s.series} per ${range.bucket}`}
            series={s.series}
            points={s.points}
            bucket={range.bucket}
            tone={s.tone}
            emptyText={`No one ${s.verb} ${scope} in ${period}.`}
          />
        ))}
      </div>
    </section>
  );
}
