import type { Metadata } from "next";
import Link from "next/link";
import { SubmissionQueueFilters } from "@/components/assignments/submission-queue-filters";
import { queueQuery } from "@/components/assignments/queue-href";
import { SubmissionStatusBadge } from "@/components/assignments/submission-status";
import { LocalTime } from "@/components/ui/local-time";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { buttonStyles } from "@/components/ui/button-styles";
import { listGradableAssignments, listSubmissionQueue } from "@/lib/assignments/grading";
import { submissionQueueQuerySchema } from "@/lib/validation/assignment";
import { requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Submissions to grade" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubmissionQueuePage({ searchParams }: Props) {
  const viewer = await requirePageRole("/instructor/submissions", "INSTRUCTOR", "ADMIN");
  const raw = await searchParams;
  const parsed = submissionQueueQuerySchema.safeParse({ courseId: raw.courseId, lessonId: raw.lessonId, status: raw.status });
  const filters = parsed.success ? parsed.data : {};
  const [rows, assignments] = await Promise.all([listSubmissionQueue(viewer, filters), listGradableAssignments(viewer)]);
  const keep = queueQuery(filters);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Submissions to grade</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Work handed in to the assignments of your courses, oldest first. Open one to read it, see its files and grade it; in the grading
          view, the keys <kbd>n</kbd> and <kbd>p</kbd> go to the next and previous submission of this list.
        </p>
      </div>
      <SubmissionQueueFilters assignments={assignments} filters={filters} />
      {!parsed.success && <p role="alert">Some filters were not valid and were left out.</p>}
      {rows.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">Nothing here{Object.keys(filters).length ? " with these filters" : " yet"}.</p>
      ) : (
        <div className={tableStyles.wrapper}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Submissions, oldest first</caption>
            <thead>
              <tr>
                <th scope="col" className={tableStyles.th}>
                  Learner
                </th>
                <th scope="col" className={tableStyles.th}>
                  Assignment
                </th>
                <th scope="col" className={tableStyles.th}>
                  Handed in
                </th>
                <th scope="col" className={tableStyles.th}>
                  Status
                </th>
                <th scope="col" className={tableStyles.th}>
                  Points
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${tableStyles.td} font-medium`}>
                    <Link href={`/instructor/courses/${row.courseId}/submissions/${row.id}${keep}`} className={buttonStyles.link}>
                      {row.learnerName ?? row.learnerEmail}
                    </Link>
                  </th>
                  <td className={tableStyles.td}>
                    {row.lessonTitle}
                    <span className="block text-xs text-slate-600 dark:text-slate-300">{row.courseTitle}</span>
                  </td>
                  <td className={tableStyles.td}>
                    <LocalTime iso={row.submittedAt} />
                    {row.versions > 1 && <span className="block text-xs text-slate-600 dark:text-slate-300">version {row.versions}</span>}
                  </td>
                  <td className={tableStyles.td}>
                    <span className="flex flex-wrap gap-1">
                      <SubmissionStatusBadge status={row.status} />
                      {row.late && <span className={badgeStyles.red}>late</span>}
                    </span>
                  </td>
                  <td className={tableStyles.td}>{row.points === null ? "—" : `${row.points} / ${row.maxPoints}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
