import type { Metadata } from "next";
import Link from "next/link";
import { InstructorRequestActions } from "@/components/admin/instructor-request-actions";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { buttonStyles } from "@/components/ui/button-styles";
import { listInstructorRequests, teachingMode } from "@/lib/users/instructor-requests";
import { requirePageRole } from "@/app/_http/page-viewer";
import { ColumnHeads } from "@/components/ui/column-heads";

export const metadata: Metadata = { title: "Requests to teach" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Admins: who asked to teach, with their message; approve or decline. Recent decisions below. */
export default async function InstructorRequestsPage() {
  const viewer = await requirePageRole("/admin/instructor-requests", "ADMIN");
  const [pending, approved, declined] = await Promise.all([
    listInstructorRequests(viewer, "pending"),
    listInstructorRequests(viewer, "approved"),
    listInstructorRequests(viewer, "declined"),
  ]);
  const decided = [...approved, ...declined].sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0)).slice(0, 20);
  const mode = teachingMode();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Requests to teach</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {mode === "request"
            ? "New accounts that choose \u201cI want to teach\u201d stay learners until you approve them here."
            : mode === "open"
              ? "This site makes anyone who asks an instructor (INSTRUCTOR_SIGNUP=open); requests filed earlier are below."
              : "This site takes no new instructors (INSTRUCTOR_SIGNUP=closed); make someone an instructor from their user page."}{" "}
          <Link href="/admin/users" className={buttonStyles.link}>
            All users
          </Link>
        </p>
      </div>
      <section aria-labelledby="pending-title" className="flex flex-col gap-3">
        <h2 id="pending-title" className="text-xl font-semibold">
          Waiting ({pending.length})
        </h2>
        {pending.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">No one is waiting.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {pending.map((request) => {
              const who = request.user.name ?? request.user.email;
              return (
                <li key={request.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/users/${request.user.id}`} className={`${buttonStyles.link} font-semibold`}>
                      {who}
                    </Link>
                    <span className="break-all text-sm text-slate-700 dark:text-slate-300">{request.user.email}</span>
                    {!request.user.emailVerified && <span className={badgeStyles.red}>address not confirmed</span>}
                  </p>
                  <p className="text-sm text-slate-700 dark:text-slate-300">Asked {dateFormat.format(request.createdAt)} UTC</p>
                  {request.message ? (
                    <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-3 dark:border-slate-600">
                      {request.message}
                    </blockquote>
                  ) : (
                    <p className="text-sm italic text-slate-700 dark:text-slate-300">No message.</p>
                  )}
                  <InstructorRequestActions requestId={request.id} who={who} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="decided-title" className="flex flex-col gap-3">
        <h2 id="decided-title" className="text-xl font-semibold">
          Recently decided
        </h2>
        {decided.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">Nothing decided yet.</p>
        ) : (
          <div className={tableStyles.wrapper}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Recently decided requests to teach</caption>
              <ColumnHeads columns={["Who", "Decision", "When (UTC)"]} />
              <tbody>
                {decided.map((request) => (
                  <tr key={request.id}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {request.user.name ?? request.user.email}
                    </th>
                    <td className={tableStyles.td}>
                      <span className={request.status === "approved" ? badgeStyles.green : badgeStyles.slate}>{request.status}</span>
                    </td>
                    <td className={tableStyles.td}>{request.decidedAt ? dateFormat.format(request.decidedAt) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
