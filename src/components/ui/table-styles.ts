/**
 * Class names for data tables: a caption, header cells with scope, readable in light and dark. The wrapper is `relative`
 * so that an sr-only caption stays inside its scroll box instead of widening the page on a narrow screen.
 */
export const tableStyles = {
  wrapper: "relative overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800",
  table: "w-full border-collapse text-left text-sm",
  caption: "sr-only",
  th: "border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100",
  td: "border-b border-slate-100 px-3 py-2 align-top text-slate-800 dark:border-slate-800 dark:text-slate-200",
} as const;

export const badgeStyles = {
  green: "rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  slate: "rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  red: "rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200",
  indigo: "rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
} as const;
