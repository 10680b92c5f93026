export type Stat = { label: string; value: string | number; note?: string };

/** Headline figures as a description list of cards, two a row on a phone. */
export function StatCards({ stats }: { stats: Stat[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {stats.map((s) => (
        <div key={s.label} className="flex flex-col rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <dt className="text-sm text-slate-600 dark:text-slate-300">{s.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{s.value}</dd>
          {s.note && <dd className="text-xs text-slate-600 dark:text-slate-300">{s.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
