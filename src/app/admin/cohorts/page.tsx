import type { Metadata } from "next";
import Link from "next/link";
import { PageNav } from "@/components/ui/page-nav";
import { requirePageRole } from "@/app/_http/page-viewer";
import { NewCohortForm } from "@/components/admin/cohort-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ColumnHeads } from "@/components/ui/column-heads";
import { tableStyles } from "@/components/ui/table-styles";
import { inputClass } from "@/components/forms/field";
import { listCohorts } from "@/lib/cohorts/manage-cohorts";
import { cohortListQuerySchema, type CohortListQuery } from "@/lib/validation/school-enrollment";

export const metadata: Metadata = { title: "Cohorts" };

function pageHref(query: CohortListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return `/admin/cohorts${s ? `?${s}` : ""}`;
}

/** Admins: the cohorts (named groups of learners), searchable, 25 a page, with their members and courses counted. */
export default async function CohortsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageRole("/admin/cohorts", "ADMIN");
  const raw = await searchParams;
  const parsed = cohortListQuerySchema.safeParse({ q: raw.q, page: raw.page });
  const query: CohortListQuery = parsed.success ? parsed.data : { q: "", page: 1 };
  const result = await listCohorts(viewer, query);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Cohorts</h1>
        <p className="text-slate-700 dark:text-slate-300">
          A cohort is a named group of learners: a class, a year, a team. Enroll a cohort in a course from its page, and its members, and
          those added later, are enrolled. Removing a member or deleting a cohort unenrolls nobody.
        </p>
      </div>
      <NewCohortForm />
      <form method="get" role="search" aria-label="Cohorts" className="flex flex-wrap items-end gap-3">
        <p className="flex min-w-0 flex-col gap-1">
          <label htmlFor="cohort-search" className="text-sm font-medium">
            Name
          </label>
          <input id="cohort-search" name="q" type="search" defaultValue={query.q} className={`${inputClass} max-w-full`} />
        </p>
        <button type="submit" className={buttonStyles.secondary}>
          Search
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {result.total === 0
          ? query.q
            ? "No cohort matches."
            : "No cohorts yet."
          : `${result.total} cohort${result.total === 1 ? "" : "s"}, page ${result.page} of ${result.pageCount}.`}
      </p>
      {result.cohorts.length > 0 && (
        <div className={tableStyles.wrapper} role="region" aria-label="Cohorts table" tabIndex={0}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Cohorts</caption>
            <ColumnHeads columns={["Cohort", { label: "Members", numeric: true }, { label: "Courses", numeric: true }]} />
            <tbody>
              {result.cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <th scope="row" className={`${tableStyles.td} font-medium`}>
                    <Link href={`/admin/cohorts/${cohort.id}`} className="break-words hover:underline">
                      {cohort.name}
                    </Link>
                  </th>
                  <td className={`${tableStyles.td} text-right tabular-nums`}>{cohort.members}</td>
                  <td className={`${tableStyles.td} text-right tabular-nums`}>{cohort.courses}</td>
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
