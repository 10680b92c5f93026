/** Shown while a catalog or course page renders on the server. */
export default function CoursesLoading() {
  return (
    <div role="status" className="flex flex-col gap-6">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="flex animate-pulse flex-col gap-6">
        <div className="h-9 w-64 rounded-lg bg-slate-200 dark:bg-slate-800" />
        <div className="h-24 rounded-xl bg-slate-100 dark:bg-slate-900" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="h-64 rounded-xl bg-slate-100 dark:bg-slate-900" />
          ))}
        </div>
      </div>
    </div>
  );
}
