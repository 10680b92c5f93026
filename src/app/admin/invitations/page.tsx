import type { Metadata } from "next";
import Link from "next/link";
import { PageNav } from "@/components/ui/page-nav";
import { requirePageRole } from "@/app/_http/page-viewer";
import { InvitationActions } from "@/components/invitations/invitation-actions";
import { InviteForm } from "@/components/invitations/invite-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { ColumnHeads } from "@/components/ui/column-heads";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { invitationChoices, listInvitations } from "@/lib/invitations/invitations";
import { invitationListQuerySchema, type InvitationListQuery } from "@/lib/validation/invitations";

export const metadata: Metadata = { title: "Invitations" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const roleLabels = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;
const statusBadges = {
  pending: [badgeStyles.indigo, "Pending"],
  accepted: [badgeStyles.green, "Accepted"],
  revoked: [badgeStyles.red, "Revoked"],
  expired: [badgeStyles.slate, "Expired"],
} as const;
const inputClass =
  "w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-slate-900 sm:w-auto dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100";

function pageHref(query: InvitationListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return `/admin/invitations${s ? `?${s}` : ""}`;
}

/** Admins: invite people by e-mail with a role into courses and a cohort; the invitations sent, to resend or revoke. */
export default async function InvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageRole("/admin/invitations", "ADMIN");
  const raw = await searchParams;
  const parsed = invitationListQuerySchema.safeParse({ q: raw.q, status: raw.status, page: raw.page });
  const query: InvitationListQuery = parsed.success ? parsed.data : { q: "", status: undefined, page: 1 };
  const [result, choices] = await Promise.all([listInvitations(viewer, query), invitationChoices(viewer)]);
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Invitations</h1>
        <p className="text-slate-700 dark:text-slate-300">
          An invited person gets an e-mail with a link that works once, for 7 days: they choose their name and password and land in their
          course. An address that already has an account is enrolled straight away instead.{" "}
          <Link href="/admin/users" className={buttonStyles.link}>
            All users
          </Link>
        </p>
      </div>
      <section aria-labelledby="invite-heading" className="flex flex-col gap-4">
        <h2 id="invite-heading" className="text-xl font-semibold">
          Invite people
        </h2>
        <InviteForm courses={choices.courses} cohorts={choices.cohorts} roles={["LEARNER", "INSTRUCTOR", "ADMIN"]} />
      </section>
      <section aria-labelledby="sent-heading" className="flex min-w-0 flex-col gap-4">
        <h2 id="sent-heading" className="text-xl font-semibold">
          Invitations sent
        </h2>
        <form method="get" role="search" aria-label="Invitations" className="flex flex-wrap items-end gap-3">
          <p className="flex w-full flex-col gap-1 sm:w-auto">
            <label htmlFor="invitation-search" className="text-sm font-medium">
              E-mail address
            </label>
            <input id="invitation-search" name="q" type="search" defaultValue={query.q} className={inputClass} />
          </p>
          <p className="flex w-full flex-col gap-1 sm:w-auto">
            <label htmlFor="invitation-status" className="text-sm font-medium">
              Status
            </label>
            <select id="invitation-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
              <option value="">Any status</option>
              <option value="pending">Pending</option>
              <option value="accepted">Accepted</option>
              <option value="revoked">Revoked</option>
              <option value="expired">Expired</option>
            </select>
          </p>
          <button type="submit" className={buttonStyles.secondary}>
            Search
          </button>
        </form>
        <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
          {result.total === 0
            ? "No invitations match."
            : `${result.total} invitation${result.total === 1 ? "" : "s"}, page ${result.page} of ${result.pageCount}.`}
        </p>
        {result.invitations.length > 0 && (
          <div className={tableStyles.wrapper} tabIndex={0} role="region" aria-label="Invitations sent, scrollable">
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Invitations sent</caption>
              <ColumnHeads columns={["E-mail", "Role", "Courses", "Status", "Sent", "Invited by", "Actions"]} />
              <tbody>
                {result.invitations.map((inv) => {
                  const [badge, label] = statusBadges[inv.status];
                  return (
                    <tr key={inv.id}>
                      <th scope="row" className={`${tableStyles.td} font-medium break-all`}>
                        {inv.email}
                      </th>
                      <td className={tableStyles.td}>{roleLabels[inv.role]}</td>
                      <td className={tableStyles.td}>{inv.courses.map((c) => c.title).join(", ") || "None"}</td>
                      <td className={tableStyles.td}>
                        <span className={badge}>{label}</span>
                      </td>
                      <td className={tableStyles.td}>
                        {dateFormat.format(inv.lastSentAt)}
                        {inv.sendCount > 1 ? ` (${inv.sendCount} times)` : ""}
                      </td>
                      <td className={tableStyles.td}>{inv.inviterName ?? "—"}</td>
                      <td className={tableStyles.td}>
                        {inv.status === "pending" || inv.status === "expired" ? (
                          <InvitationActions invitationId={inv.id} email={inv.email} />
                        ) : (
                          <span className="sr-only">None</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <PageNav page={result.page} pageCount={result.pageCount} hrefFor={(p) => pageHref(query, p)} />
      </section>
    </div>
  );
}
