import type { Metadata } from "next";
import Link from "next/link";
import { PageNav } from "@/components/ui/page-nav";
import { requirePageRole } from "@/app/_http/page-viewer";
import { CertificateActions } from "@/components/admin/certificate-actions";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { ColumnHeads } from "@/components/ui/column-heads";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { listCertificates } from "@/lib/certificates/certificates";
import { certificateListQuerySchema, type CertificateListQuery } from "@/lib/validation/certificates";

export const metadata: Metadata = { title: "Certificates" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function pageHref(query: CertificateListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return `/admin/certificates${s ? `?${s}` : ""}`;
}

/** Admins: every certificate issued, searchable by learner, course or code; revoke one with a reason, or restore it. */
export default async function AdminCertificatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageRole("/admin/certificates", "ADMIN");
  const raw = await searchParams;
  const parsed = certificateListQuerySchema.safeParse({ q: raw.q, status: raw.status, page: raw.page });
  const query: CertificateListQuery = parsed.success ? parsed.data : { q: "", status: undefined, page: 1 };
  const result = await listCertificates(viewer, query);
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Certificates</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Courses with certificates on issue one when a learner completes them. Anyone can check a code at /certificates/&lt;code&gt;; a
          revoked certificate says so there, with the date and your reason.
        </p>
      </div>
      <form method="get" role="search" aria-label="Certificates" className="flex flex-wrap items-end gap-3">
        <p className="flex min-w-0 flex-col gap-1">
          <label htmlFor="certificate-search" className="text-sm font-medium">
            Learner, course or code
          </label>
          <input id="certificate-search" name="q" type="search" defaultValue={query.q} className={`${inputClass} max-w-full`} />
        </p>
        <p className="flex flex-col gap-1">
          <label htmlFor="certificate-status" className="text-sm font-medium">
            Status
          </label>
          <select id="certificate-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
            <option value="">Any</option>
            <option value="valid">Valid</option>
            <option value="revoked">Revoked</option>
          </select>
        </p>
        <button type="submit" className={buttonStyles.secondary}>
          Search
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {result.total === 0
          ? query.q || query.status
            ? "No certificate matches."
            : "No certificates yet."
          : `${result.total} certificate${result.total === 1 ? "" : "s"}, page ${result.page} of ${result.pageCount}.`}
      </p>
      {result.certificates.length > 0 && (
        <div className={tableStyles.wrapper} role="region" aria-label="Certificates table" tabIndex={0}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Certificates</caption>
            <ColumnHeads columns={["Code", "Learner", "Course", "Issued", "Status", "Actions"]} />
            <tbody>
              {result.certificates.map((c) => (
                <tr key={c.code}>
                  <th scope="row" className={`${tableStyles.td} whitespace-nowrap font-mono font-medium`}>
                    <Link href={`/certificates/${c.code}`} className="hover:underline">
                      {c.displayCode}
                    </Link>
                  </th>
                  <td className={`${tableStyles.td} break-words`}>
                    <Link href={`/admin/users/${c.learnerId}`} className="hover:underline">
                      {c.learnerName}
                    </Link>
                  </td>
                  <td className={`${tableStyles.td} break-words`}>
                    {c.courseTitle}
                    {!c.courseOffered && <span className="text-slate-700 dark:text-slate-300"> (no longer offered)</span>}
                  </td>
                  <td className={`${tableStyles.td} whitespace-nowrap`}>{dateFormat.format(c.issuedAt)}</td>
                  <td className={tableStyles.td}>
                    {c.status === "valid" ? (
                      <span className={badgeStyles.green}>Valid</span>
                    ) : (
                      <span className="flex flex-col gap-1">
                        <span className={`${badgeStyles.red} self-start`}>Revoked {dateFormat.format(c.revokedAt!)}</span>
                        <span className="text-xs">{c.revokedReason}</span>
                      </span>
                    )}
                  </td>
                  <td className={tableStyles.td}>
                    <CertificateActions code={c.code} displayCode={c.displayCode} revoked={c.status === "revoked"} />
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
