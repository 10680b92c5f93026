"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelStep } from "@/lib/analytics/types";
import { axisTick, ChartFigure, tooltipProps } from "./chart-figure";
import { formatSeconds, percent } from "./labels";

const ROW_HEIGHT = 28;

function videoCell(step: FunnelStep) {
  if (step.averageVideoPosition === null) return step.videoDuration === null ? "No video" : "Not watched yet";
  const at = formatSeconds(step.averageVideoPosition);
  return step.videoDuration ? `${at} of ${formatSeconds(step.videoDuration)}` : at;
}

/**
 * Where learners stop: the lesson after which the most learners of the range did not complete the next one. Learners
 * may skip ahead, so a later lesson can have more completions than an earlier one; only drops count.
 */
function largestDrop(steps: FunnelStep[], enrollments: number): { step: FunnelStep; before: number } | null {
  let best: { step: FunnelStep; before: number } | null = null;
  for (const [i, step] of steps.entries()) {
    const before = i === 0 ? enrollments : steps[i - 1]!.completed;
    if (before - step.completed > (best ? best.before - best.step.completed : 0)) best = { step, before };
  }
  return best;
}

/** The per-lesson completion funnel as horizontal bars (share of the range's learners), and its table with video positions. */
export function LessonFunnel({ steps, enrollments }: { steps: FunnelStep[]; enrollments: number }) {
  const title = "Lesson completion funnel";
  const drop = largestDrop(steps, enrollments);
  const data = steps.map((s) => ({ lesson: String(s.position), percent: s.completedPercent, title: s.title }));
  return (
    <div className="flex flex-col gap-3">
      {drop && (
        <p className="text-slate-700 dark:text-slate-300">
          Most learners stop before lesson {drop.step.position}, “{drop.step.title}”:{" "}
          {drop.step.position === 1 ? `${drop.before} enrolled` : `${drop.before} completed the lesson before`}, {drop.step.completed}{" "}
          completed this one.
        </p>
      )}
      <ChartFigure
        title={title}
        description={`Horizontal bar chart: the share of the ${enrollments} learners of this range who completed each of the ${steps.length} lessons, in course order. The numbers are in the table that follows.`}
        tone="indigo"
        height={steps.length * ROW_HEIGHT + 40}
        tableOpen
        table={{
          columns: ["Lesson", "Title", "Module", "Completed", "Share of learners", "Average video position"],
          rows: steps.map((s) => [s.position, s.title, s.moduleTitle, s.completed, percent(s.completedPercent), videoCell(s)]),
        }}
      >
        <BarChart
          responsive
          layout="vertical"
          data={data}
          accessibilityLayer={false}
          margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
          style={{ width: "100%", height: "100%" }}
        >
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" domain={[0, 100]} unit="%" tick={axisTick} stroke="var(--chart-grid)" />
          <YAxis type="category" dataKey="lesson" width={32} tick={axisTick} stroke="var(--chart-grid)" interval={0} />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(_, payload) => {
              const item = payload[0]?.payload as (typeof data)[number] | undefined;
              return item ? `${item.lesson}. ${item.title}` : "";
            }}
            formatter={(value) => [percent(Number(value)), "Completed"]}
          />
          <Bar dataKey="percent" fill="var(--chart-fill)" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
    </div>
  );
}
