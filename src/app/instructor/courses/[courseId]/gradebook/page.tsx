import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CohortFilter } from "@/components/analytics/cohort-filter";
import { overviewHref } from "@/components/analytics/course-analytics-href";
import { CsvLink } from "@/components/analytics/csv-link";
import { TableScroll } from "@/components/analytics/table-scroll";
import { buttonStyles } from "@/components/ui/button-styles";
import { tableStyles } from "@/components/ui/table-styles";
import { cellText, getGradebookPage } from "@/lib/analytics/gradebook";
import { cohortQuerySchema } from "@/lib/validation/analytics";
import { parseSearch, type SearchParams } from "@/lib/validation/parse-search";
import { courseParams } from "@/lib/validation/ids";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Gradebook" };

type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<SearchParams> };

export default async function GradebookPage({ params, searchParams }: Props) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}/gradebook`, "INSTRUCTOR", "ADMIN");
  // A malformed cohort id is dropped, as on the analytics page; one the viewer may not filter by is not found.
  const { cohortId } = parseSearch(cohortQuerySchema, await searchParams, ["cohortId"]);
  const { book, cohorts } = await orNotFound(getGradebookPage(viewer, courseId, cohortId));
  const path = `/instructor/courses/${courseId}/gradebook`;
  const csvParams = new URLSearchParams({ format: "csv", ...(book.cohort ? { cohortId: book.cohort.id } : {}) });
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link
          href={overviewHref(`/instructor/courses/${courseId}/analytics`, { range: "30d", cohortId: book.cohort?.id })}
          className={buttonStyles.link}
        >
          Back to the course analytics
        </Link>
      </p>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Gradebook: {book.course.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          A row per learner, a column per quiz (the best graded attempt) and per assignment (the points of the latest grade; “to grade”
          while a version waits).
        </p>
        {book.rows.length > 0 && (
          <p>
            <CsvLink href={`/api/instructor/courses/${courseId}/gradebook?${csvParams.toString()}`}>Download the gradebook (CSV)</CsvLink>
          </p>
        )}
      </div>
      <CohortFilter action={path} cohorts={cohorts} current={book.cohort} keep={{}} clearHref={path} />
      {book.columns.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">This course has no quiz or assignment yet.</p>
      ) : book.rows.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">
          {book.cohort ? "No member of this cohort is enrolled." : "Nobody is enrolled yet."}
        </p>
      ) : (
        <TableScroll focusLabel="Gradebook">
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Gradebook: learners and their scores</caption>
            <thead>
              <tr>
                <th scope="col" className={tableStyles.th}>
                  Learner
                </th>
                <th scope="col" className={tableStyles.th}>
                  Progress
                </th>
                {book.columns.map((c) => (
                  <th key={c.lessonId} scope="col" className={tableStyles.th}>
                    {c.title}
                    <span className="block text-xs font-normal">
                      {c.kind === "quiz" ? "quiz, best %" : `assignment, of ${c.maxPoints}`}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {book.rows.map((r) => (
                <tr key={r.learnerId}>
                  <th scope="row" className={`${tableStyles.td} font-medium`}>
                    {r.name ?? r.email}
                    <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">{r.email}</span>
                  </th>
                  <td className={`${tableStyles.td} tabular-nums`}>{r.progress} %</td>
                  {book.columns.map((c) => {
                    const text = cellText(c, r.cells[c.lessonId]);
                    return (
                      <td key={c.lessonId} className={`${tableStyles.td} tabular-nums`}>
                        {text || (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="sr-only">nothing yet</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
