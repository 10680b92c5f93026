import type { Metadata } from "next";
import Link from "next/link";
import { PageNav } from "@/components/ui/page-nav";
import { notFound } from "next/navigation";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { EnrollmentRowActions, EnrollUserButton } from "@/components/enrollments/staff-enrollment-actions";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { ColumnHeads } from "@/components/ui/column-heads";
import { tableStyles } from "@/components/ui/table-styles";
import { staffEnrollmentsPage } from "@/lib/enrollments/staff-enrollment";
import { courseParams } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Enrollments" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<Record<string, string | string[]>> };

/**
 * The course's instructor and admins: enroll someone by their e-mail address, set or clear a learner's end date (after
 * it the course is read-only for them), and unenroll (which deletes their progress, attempts and submissions here).
 */
export default async function EnrollmentsPage({ params, searchParams }: Props) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}/enrollments`, "INSTRUCTOR", "ADMIN");
  const raw = await searchParams;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(String(raw.page ?? "1"), 10) || 1));
  const email = typeof raw.email === "string" ? raw.email.trim().slice(0, 320) : "";
  const data = await orNotFound(staffEnrollmentsPage(viewer, courseId, page, email || undefined));
  const pageHref = (p: number) => `/instructor/courses/${courseId}/enrollments${p > 1 ? `?page=${p}` : ""}`;
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p>
          <Link href={`/instructor/courses/${courseId}`} className={buttonStyles.link}>
            Back to the course editor
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight break-words">Enrollments: {data.course.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Enroll learners yourself, give an enrollment an end date (after it the course is read-only for that learner), or unenroll someone.
          Admins enroll whole cohorts from the Cohorts page.
        </p>
      </div>

      <section aria-labelledby="enroll-title" className="flex min-w-0 flex-col gap-3">
        <h2 id="enroll-title" className="text-xl font-semibold">
          Enroll someone
        </h2>
        {!data.course.isPublished && <p className="text-slate-700 dark:text-slate-300">Publish the course before enrolling anyone.</p>}
        <form method="get" role="search" aria-label="Find a person by e-mail" className="flex flex-wrap items-end gap-3">
          <p className="flex min-w-0 flex-col gap-1">
            <label htmlFor="enroll-email" className="text-sm font-medium">
              Their e-mail address
            </label>
            <input id="enroll-email" name="email" type="email" required defaultValue={email} className={`${inputClass} max-w-full`} />
          </p>
          <button type="submit" className={buttonStyles.secondary}>
            Find
          </button>
        </form>
        {email && (
          <div aria-live="polite" className="flex flex-col gap-2">
            {!data.match ? (
              <p>No account has that address. An admin can invite them.</p>
            ) : data.match.enrolled ? (
              <p className="break-all">{data.match.email} is already enrolled.</p>
            ) : data.match.disabled ? (
              <p className="break-all">{data.match.email}&apos;s account is disabled.</p>
            ) : (
              <p className="flex flex-wrap items-center gap-3 break-all">
                {data.match.name ?? "(no name)"} · {data.match.email}
                <EnrollUserButton courseId={courseId} user={data.match} />
              </p>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="learners-title" className="flex min-w-0 flex-col gap-3">
        <h2 id="learners-title" className="text-xl font-semibold">
          Learners
        </h2>
        <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
          {data.total === 0 ? "Nobody is enrolled yet." : `${data.total} enrolled, page ${data.page} of ${data.pageCount}.`}
        </p>
        {data.rows.length > 0 && (
          <div className={tableStyles.wrapper} role="region" aria-label="Enrollments table" tabIndex={0}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Enrolled learners</caption>
              <ColumnHeads columns={["Learner", "Enrolled", { label: "Progress", numeric: true }, "End date and unenroll"]} />
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.learnerId}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {row.name ?? "(no name)"}
                      <span className="block font-normal break-all">{row.email}</span>
                    </th>
                    <td className={tableStyles.td}>{dateFormat.format(row.enrolledAt)}</td>
                    <td className={`${tableStyles.td} text-right tabular-nums`}>{row.progress} %</td>
                    <td className={tableStyles.td}>
                      <EnrollmentRowActions
                        courseId={courseId}
                        learner={{ id: row.learnerId, email: row.email }}
                        endsOn={row.endsAt ? row.endsAt.toISOString().slice(0, 10) : ""}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageNav page={data.page} pageCount={data.pageCount} hrefFor={pageHref} />
      </section>
    </div>
  );
}
