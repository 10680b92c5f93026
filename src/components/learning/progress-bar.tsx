/** A labelled progress bar that screen readers announce as "<label>: N%". */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full rounded-full bg-indigo-700 dark:bg-indigo-300" style={{ width: `${clamped}%` }} />
      </div>
      <span className="w-10 text-right text-sm tabular-nums text-slate-700 dark:text-slate-300">{clamped}%</span>
    </div>
  );
}
