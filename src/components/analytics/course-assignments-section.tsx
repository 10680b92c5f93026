import Link from "next/link";
import { ScoreDistribution } from "@/components/quiz-results/score-distribution";
import { buttonStyles } from "@/components/ui/button-styles";
import { tableStyles } from "@/components/ui/table-styles";
import type { AssignmentLine } from "@/lib/analytics/types";
import { emptyChartClass } from "./chart-figure";
import { TableScroll } from "./table-scroll";

/**
 * The course's assignments: a line per assignment (handed in, graded, waiting, late, passed, mean points) with a link to
 * its grading queue, and each one's grades as a distribution chart with its table; the gradebook is linked above.
 */
export function CourseAssignmentsSection({
  courseId,
  assignments,
  cohortId,
}: {
  courseId: string;
  assignments: AssignmentLine[];
  /** The page's cohort filter, which the gradebook keeps. */
  cohortId?: string;
}) {
  return (
    <section aria-labelledby="assignments-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="assignments-title" className="flex-1 text-xl font-semibold">
          Assignments
        </h2>
        <Link
          href={`/instructor/courses/${courseId}/gradebook${cohortId ? `?cohortId=${cohortId}` : ""}`}
          className={buttonStyles.secondary}
        >
          Gradebook: every quiz and assignment score
        </Link>
      </div>
      {assignments.length === 0 ? (
        <p className={emptyChartClass}>This course has no assignment.</p>
      ) : (
        <>
          <TableScroll>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Assignments</caption>
              <thead>
                <tr>
                  {["Assignment", "Handed in", "Graded", "Waiting", "Late", "Passed", "Mean points", "Submissions"].map((c) => (
                    <th key={c} scope="col" className={tableStyles.th}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.lessonId}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {a.title}
                    </th>
                    <td className={`${tableStyles.td} tabular-nums`}>{a.submitted}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>{a.graded}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>{a.waiting}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>{a.late}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>{a.passed}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>
                      {a.averagePoints === null ? "—" : `${a.averagePoints} / ${a.maxPoints}`}
                    </td>
                    <td className={tableStyles.td}>
                      <Link href={`/instructor/submissions?courseId=${courseId}&lessonId=${a.lessonId}`} className={buttonStyles.link}>
                        Grade<span className="sr-only"> {a.title}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {assignments.map((a) => (
            <ScoreDistribution
              key={a.lessonId}
              bands={a.distribution}
              learners={a.graded}
              title={`Grades of ${a.title}`}
              what="grades (as a share of the maximum points)"
              empty={`Nothing graded in ${a.title} yet, so there is no distribution.`}
            />
          ))}
        </>
      )}
    </section>
  );
}
