import type { Metadata } from "next";
import Link from "next/link";
import { PageNav } from "@/components/ui/page-nav";
import { notFound } from "next/navigation";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { CohortButton, CohortSettings, EnrollCohortForm } from "@/components/admin/cohort-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ColumnHeads } from "@/components/ui/column-heads";
import { tableStyles } from "@/components/ui/table-styles";
import { inputClass } from "@/components/forms/field";
import { listUsers } from "@/lib/admin/list-users";
import { getCohort, publishedCoursesForCohorts } from "@/lib/cohorts/manage-cohorts";
import { userListQuerySchema } from "@/lib/validation/admin";
import { cohortParams } from "@/lib/validation/school-enrollment";

export const metadata: Metadata = { title: "Cohort" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

type Props = { params: Promise<{ cohortId: string }>; searchParams: Promise<Record<string, string | string[]>> };

/**
 * Admins: one cohort. Its name (rename, delete), its members (find people by name or e-mail to add them; remove one,
 * which unenrolls nobody), and its courses (enroll the cohort in another, with an optional end date).
 */
export default async function CohortPage({ params, searchParams }: Props) {
  const parsed = cohortParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { cohortId } = parsed.data;
  const viewer = await requirePageRole(`/admin/cohorts/${cohortId}`, "ADMIN");
  const raw = await searchParams;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(String(raw.page ?? "1"), 10) || 1));
  const find = userListQuerySchema.safeParse({ q: raw.find });
  const findQuery = find.success ? find.data.q : "";
  const [cohort, found, courses] = await Promise.all([
    orNotFound(getCohort(viewer, cohortId, page)),
    findQuery ? listUsers(viewer, { q: findQuery, role: undefined, page: 1 }) : Promise.resolve(null),
    publishedCoursesForCohorts(viewer),
  ]);
  const memberIds = new Set(cohort.members.map((m) => m.id));
  const base = `/api/admin/cohorts/${cohortId}`;
  const pageHref = (p: number) => `/admin/cohorts/${cohortId}${p > 1 ? `?page=${p}` : ""}`;
  const section = "flex min-w-0 flex-col gap-4";
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p>
          <Link href="/admin/cohorts" className={buttonStyles.link}>
            All cohorts
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight break-words">{cohort.cohort.name}</h1>
        <CohortSettings cohort={cohort.cohort} afterDelete="/admin/cohorts" />
      </div>

      <section aria-labelledby="courses-title" className={section}>
        <h2 id="courses-title" className="text-xl font-semibold">
          Courses
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          Enrolling the cohort in a course enrolls every member now, and every member added later. Learners already enrolled are left as
          they are.
        </p>
        {cohort.courses.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">Not enrolled in any course yet.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {cohort.courses.map((course) => (
              <li key={course.id} className="break-words">
                <Link href={`/instructor/courses/${course.id}/analytics?cohortId=${cohortId}`} className={buttonStyles.link}>
                  {course.title}
                </Link>
                {course.endsAt ? ` (ends ${dateFormat.format(course.endsAt)})` : ""}
              </li>
            ))}
          </ul>
        )}
        <EnrollCohortForm cohortId={cohortId} courses={courses} />
      </section>

      <section aria-labelledby="members-title" className={section}>
        <h2 id="members-title" className="text-xl font-semibold">
          Members
        </h2>
        <form method="get" role="search" aria-label="Find people to add" className="flex flex-wrap items-end gap-3">
          <p className="flex min-w-0 flex-col gap-1">
            <label htmlFor="member-find" className="text-sm font-medium">
              Find people by name or e-mail
            </label>
            <input id="member-find" name="find" type="search" defaultValue={findQuery} className={`${inputClass} max-w-full`} />
          </p>
          <button type="submit" className={buttonStyles.secondary}>
            Find
          </button>
        </form>
        {found && (
          <div className="flex flex-col gap-2">
            <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
              {found.total === 0
                ? "Nobody matches."
                : `${found.total} match${found.total === 1 ? "" : "es"}${found.total > found.users.length ? `, the first ${found.users.length} shown` : ""}.`}
            </p>
            {found.users.length > 0 && (
              <ul className="flex flex-col gap-2">
                {found.users.map((user) => (
                  <li key={user.id} className="flex flex-wrap items-center gap-3">
                    <span className="min-w-0 break-all">
                      {user.name ?? "(no name)"} · {user.email}
                    </span>
                    {memberIds.has(user.id) ? (
                      <span className="text-sm text-slate-700 dark:text-slate-300">Already a member</span>
                    ) : user.disabledAt ? (
                      <span className="text-sm text-slate-700 dark:text-slate-300">Disabled</span>
                    ) : (
                      <CohortButton
                        url={`${base}/members`}
                        method="POST"
                        body={{ userIds: [user.id] }}
                        label={`Add ${user.email}`}
                        success={`${user.email} added, and enrolled in the cohort's courses.`}
                      >
                        Add
                      </CohortButton>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
          {cohort.total === 0
            ? "No members yet."
            : `${cohort.total} member${cohort.total === 1 ? "" : "s"}, page ${cohort.page} of ${cohort.pageCount}. Removing a member does not unenroll them from any course.`}
        </p>
        {cohort.members.length > 0 && (
          <div className={tableStyles.wrapper} role="region" aria-label="Members table" tabIndex={0}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Members</caption>
              <ColumnHeads columns={["Name", "E-mail", "Added", "Remove"]} />
              <tbody>
                {cohort.members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {member.name ?? "(no name)"}
                    </th>
                    <td className={`${tableStyles.td} break-all`}>{member.email}</td>
                    <td className={tableStyles.td}>{dateFormat.format(member.addedAt)}</td>
                    <td className={tableStyles.td}>
                      <CohortButton
                        url={`${base}/members/${member.id}`}
                        method="DELETE"
                        label={`Remove ${member.email}`}
                        success={`${member.email} removed from the cohort (still enrolled in its courses).`}
                      >
                        Remove
                      </CohortButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageNav page={cohort.page} pageCount={cohort.pageCount} hrefFor={pageHref} label="Member pages" />
      </section>
    </div>
  );
}
