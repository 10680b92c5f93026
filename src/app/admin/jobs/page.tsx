import type { Metadata } from "next";
import { requirePageRole } from "@/app/_http/page-viewer";
import { JobActionButton } from "@/components/admin/job-action-button";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { ColumnHeads } from "@/components/ui/column-heads";
import { PageNav } from "@/components/ui/page-nav";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { countJobsByQueue, listJobs } from "@/lib/jobs/admin-jobs";
import { SCHEDULES } from "@/lib/jobs/names";
import { jobListQuerySchema, type JobListQuery, type JobListState } from "@/lib/validation/jobs";

export const metadata: Metadata = { title: "Background jobs" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const stateLabels: Record<JobListState, string> = {
  queued: "Queued",
  active: "Running",
  failed: "Failed",
  dead: "Dead letters",
};

function pageHref(query: JobListQuery, page: number) {
  const params = new URLSearchParams({ state: query.state });
  if (page > 1) params.set("page", String(page));
  return `/admin/jobs?${params.toString()}`;
}

/** Admins: the background job queue, per queue and per state; a failed job can be sent back for one more try. */
export default async function AdminJobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageRole("/admin/jobs", "ADMIN");
  const raw = await searchParams;
  const parsed = jobListQuerySchema.safeParse({ state: raw.state, page: raw.page });
  const query: JobListQuery = parsed.success ? parsed.data : { state: "failed", page: 1 };
  const [queues, result] = await Promise.all([countJobsByQueue(viewer), listJobs(viewer, query)]);
  const stateName = stateLabels[query.state].toLowerCase();
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Background jobs</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Work the server does after a request (mail, a new lesson told to its learners, certificates issued to earlier completions), or on
          a schedule. A job that fails is tried again later; after its last try it fails for good and a copy goes to its queue&apos;s dead
          letters. Retry sends it back for one more try. Finished jobs are not listed.
        </p>
      </div>
      {queues.length > 0 && (
        <div className={tableStyles.wrapper} role="region" aria-label="Queues table" tabIndex={0}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Jobs per queue</caption>
            <ColumnHeads columns={["Queue", "Queued", "Running", "Failed", "Dead letters"]} />
            <tbody>
              {queues.map((q) => (
                <tr key={q.name}>
                  <th scope="row" className={`${tableStyles.td} font-mono font-medium`}>
                    {q.name}
                  </th>
                  <td className={tableStyles.td}>{q.queued}</td>
                  <td className={tableStyles.td}>{q.active}</td>
                  <td className={tableStyles.td}>{q.failed > 0 ? <span className={badgeStyles.red}>{q.failed}</span> : 0}</td>
                  <td className={tableStyles.td}>{q.dead > 0 ? <span className={badgeStyles.red}>{q.dead}</span> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={tableStyles.wrapper} role="region" aria-label="Schedules table" tabIndex={0}>
        <table className={tableStyles.table}>
          <caption className={tableStyles.caption}>Schedules (one run per schedule, however many servers run)</caption>
          <ColumnHeads columns={["Queue", "Runs", "What it does", "Now"]} />
          <tbody>
            {SCHEDULES.map((s) => (
              <tr key={s.name}>
                <th scope="row" className={`${tableStyles.td} font-mono font-medium`}>
                  {s.name}
                </th>
                <td className={tableStyles.td}>{s.when}</td>
                <td className={tableStyles.td}>{s.what}</td>
                <td className={tableStyles.td}>
                  <JobActionButton url="/api/admin/jobs/run" body={{ queue: s.name }} text="Run now" label={s.name} done="is queued." />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="get" aria-label="Jobs" className="flex flex-wrap items-end gap-3">
        <p className="flex flex-col gap-1">
          <label htmlFor="job-state" className="text-sm font-medium">
            Show
          </label>
          <select id="job-state" name="state" defaultValue={query.state} className={inputClass}>
            {Object.entries(stateLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" className={buttonStyles.secondary}>
          Show
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {result.total === 0
          ? `No ${stateName} jobs.`
          : `${result.total} ${stateName} job${result.total === 1 ? "" : "s"}, page ${result.page} of ${result.pageCount}.`}
      </p>
      {result.jobs.length > 0 && (
        <div className={tableStyles.wrapper} role="region" aria-label={`${stateLabels[query.state]} jobs table`} tabIndex={0}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>{stateLabels[query.state]} jobs</caption>
            <ColumnHeads columns={["Job", "Queue", "Tries", "Created", "Finished", "Last error", "Actions"]} />
            <tbody>
              {result.jobs.map((job) => (
                <tr key={`${job.queue}/${job.id}`}>
                  <th scope="row" className={`${tableStyles.td} whitespace-nowrap font-mono font-medium`}>
                    {job.id.slice(0, 8)}
                  </th>
                  <td className={`${tableStyles.td} font-mono`}>{job.queue}</td>
                  <td className={tableStyles.td}>
                    {job.tries} of {job.retryLimit + 1}
                  </td>
                  <td className={`${tableStyles.td} whitespace-nowrap`}>{dateFormat.format(job.createdOn)}</td>
                  <td className={`${tableStyles.td} whitespace-nowrap`}>{job.finishedOn ? dateFormat.format(job.finishedOn) : "—"}</td>
                  <td className={`${tableStyles.td} break-words`}>{job.error ?? "—"}</td>
                  <td className={tableStyles.td}>
                    {job.retryable ? (
                      <JobActionButton
                        url={`/api/admin/jobs/${job.id}/retry`}
                        text="Retry"
                        label={`job ${job.id.slice(0, 8)} of ${job.queue}`}
                        done="will run again."
                      />
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNav page={result.page} pageCount={result.pageCount} hrefFor={(p) => pageHref(query, p)} />
    </div>
  );
}
