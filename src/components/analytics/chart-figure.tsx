import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";
import { tableStyles } from "@/components/ui/table-styles";

export type ChartTone = "indigo" | "emerald" | "sky";

// Bar colours with at least 3:1 against the page in light and dark (WCAG 1.4.11); axis text at 4.5:1 and more.
const toneClass: Record<ChartTone, string> = {
  indigo: "[--chart-fill:#4338ca] dark:[--chart-fill:#a5b4fc]",
  emerald: "[--chart-fill:#047857] dark:[--chart-fill:#34d399]",
  sky: "[--chart-fill:#0369a1] dark:[--chart-fill:#7dd3fc]",
};
const chartColours =
  "[--chart-text:#475569] [--chart-grid:#e2e8f0] [--chart-cursor:#f1f5f9] [--chart-tooltip:#ffffff] dark:[--chart-text:#cbd5e1] dark:[--chart-grid:#334155] dark:[--chart-cursor:#1e293b] dark:[--chart-tooltip:#0f172a]";

export type ChartTable = { columns: string[]; rows: (string | number)[][] };

type ChartFigureProps = {
  title: string;
  /** What the chart shows, in a sentence: the chart's accessible name (its SVG is not read out). */
  description: string;
  tone: ChartTone;
  /** The chart's height in pixels, reserved before the chart is drawn in the browser. */
  height?: number;
  table: ChartTable;
  /** Show the table as part of the figure instead of behind "Show data as table". */
  tableOpen?: boolean;
  /** In place of the chart when there is nothing to draw. */
  empty?: ReactNode;
  children: ReactNode;
};

function DataTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <TableScroll focusLabel={title}>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" className={tableStyles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([first, ...rest], i) => (
            <tr key={i}>
              <th scope="row" className={`${tableStyles.td} font-normal`}>
                {first}
              </th>
              {rest.map((cell, j) => (
                <td key={j} className={`${tableStyles.td} ${typeof cell === "number" ? "tabular-nums" : ""}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * A chart with a visible title and the same numbers as a table. The drawing is one image named by `description`; the
 * table is what a screen reader (or anyone who wants exact figures) reads, behind a "Show data as table" disclosure.
 */
export function ChartFigure({ title, description, tone, height = 240, table, tableOpen = false, empty, children }: ChartFigureProps) {
  return (
    <figure
      className={`flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800 ${chartColours} ${toneClass[tone]}`}
    >
      <figcaption className="font-semibold">{title}</figcaption>
      {empty ?? (
        <>
          <div role="img" aria-label={description} className="w-full" style={{ height }}>
            {children}
          </div>
          {tableOpen ? (
            <DataTable title={title} table={table} />
          ) : (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-indigo-700 dark:text-indigo-300">Show data as table</summary>
              <div className="mt-2">
                <DataTable title={title} table={table} />
              </div>
            </details>
          )}
        </>
      )}
    </figure>
  );
}

export const emptyChartClass =
  "rounded-lg border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300";

/** Props recharts shares between our charts: no animation (nothing to settle), text and grid in the figure's colours. */
export const axisTick = { fill: "var(--chart-text)", fontSize: 12 } as const;
export const tooltipProps = {
  contentStyle: { background: "var(--chart-tooltip)", borderColor: "var(--chart-grid)", color: "var(--chart-text)", borderRadius: 8 },
  labelStyle: { color: "var(--chart-text)", fontWeight: 600 },
  itemStyle: { color: "var(--chart-text)" },
  cursor: { fill: "var(--chart-cursor)" },
} as const;
