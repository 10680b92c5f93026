"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { TimePoint } from "@/lib/analytics/types";
import type { AnalyticsBucket } from "@/lib/validation/analytics";
import { axisTick, ChartFigure, emptyChartClass, tooltipProps, type ChartTone } from "./chart-figure";
import { bucketLabel, tickLabel } from "./labels";

type TimeSeriesChartProps = {
  title: string;
  /** What is counted, capitalised: "Enrollments". */
  series: string;
  points: TimePoint[];
  bucket: AnalyticsBucket;
  tone: ChartTone;
  /** Shown instead of the chart when every bucket is 0. */
  emptyText: string;
};

/** Counts per day or week as bars, one bar a bucket (empty buckets included, so gaps show). */
export function TimeSeriesChart({ title, series, points, bucket, tone, emptyText }: TimeSeriesChartProps) {
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const first = points[0];
  const last = points.at(-1);
  const description =
    first && last
      ? `Bar chart of ${series.toLowerCase()} per ${bucket} from ${bucketLabel(first.date, "day")} to ${bucketLabel(last.date, "day")}: ${total} in all. The numbers are in the table that follows.`
      : title;
  return (
    <ChartFigure
      title={title}
      description={description}
      tone={tone}
      table={{ columns: [bucket === "week" ? "Week" : "Day", series], rows: points.map((p) => [bucketLabel(p.date, bucket), p.count]) }}
      empty={total === 0 ? <p className={emptyChartClass}>{emptyText}</p> : undefined}
    >
      <BarChart
        responsive
        data={points}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="date" tickFormatter={tickLabel} tick={axisTick} stroke="var(--chart-grid)" minTickGap={16} />
        <YAxis allowDecimals={false} width={36} tick={axisTick} stroke="var(--chart-grid)" />
        <Tooltip {...tooltipProps} labelFormatter={(date) => bucketLabel(String(date), bucket)} />
        <Bar dataKey="count" name={series} fill="var(--chart-fill)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
