"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, ChartFigure, emptyChartClass, tooltipProps } from "@/components/analytics/chart-figure";
import type { ScoreBand } from "@/lib/quizzes/results-types";

/**
 * The counted attempts in ten score bands, as vertical bars, with the same numbers as a table for screen readers. An
 * assignment's grades use it too, with their own title and words (`what`: what each learner's count stands for).
 */
export function ScoreDistribution({
  bands,
  learners,
  title = "Score distribution",
  what = "best scores",
  empty = "No graded attempts yet, so there is no distribution.",
}: {
  bands: ScoreBand[];
  learners: number;
  title?: string;
  what?: string;
  empty?: string;
}) {
  const data = bands.map((b) => ({ band: b.label.replace(" %", ""), label: b.label, count: b.count }));
  return (
    <ChartFigure
      title={title}
      description={`Bar chart: how many of the ${learners} learners' ${what} fall in each band of 10 percentage points, from 0–9 % to 90–100 %. The numbers are in the table that follows.`}
      tone="sky"
      height={260}
      table={{ columns: ["Score", "Learners"], rows: bands.map((b) => [b.label, b.count]) }}
      empty={learners === 0 ? <p className={emptyChartClass}>{empty}</p> : undefined}
    >
      <BarChart
        responsive
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="band" tick={axisTick} stroke="var(--chart-grid)" interval={0} angle={-35} textAnchor="end" height={48} />
        <YAxis allowDecimals={false} width={32} tick={axisTick} stroke="var(--chart-grid)" />
        <Tooltip
          {...tooltipProps}
          labelFormatter={(_, payload) => (payload[0]?.payload as (typeof data)[number] | undefined)?.label ?? ""}
          formatter={(value) => [String(value), "Learners"]}
        />
        <Bar dataKey="count" fill="var(--chart-fill)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
