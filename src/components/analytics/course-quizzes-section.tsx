import Link from "next/link";
import { quizResultsHref } from "@/components/quiz-results/quiz-results-href";
import { buttonStyles } from "@/components/ui/button-styles";
import { tableStyles } from "@/components/ui/table-styles";
import type { CourseQuizFigures } from "@/lib/analytics/types";
import { plural } from "@/lib/format";
import { emptyChartClass } from "./chart-figure";
import { percent } from "./labels";
import { StatCards } from "./stat-cards";
import { TableScroll } from "./table-scroll";

const orDash = (value: number | null) => (value === null ? "—" : percent(value));

/** The course's quizzes: the average quiz score, and a line per quiz (attempts, average, pass rate) to its results. */
export function CourseQuizzesSection({ courseId, quizzes, period }: { courseId: string; quizzes: CourseQuizFigures; period: string }) {
  return (
    <section aria-labelledby="quizzes-title" className="flex flex-col gap-4">
      <h2 id="quizzes-title" className="text-xl font-semibold">
        Quizzes
      </h2>
      {quizzes.perQuiz.length === 0 ? (
        <p className={emptyChartClass}>This course has no quiz.</p>
      ) : (
        <>
          <StatCards
            stats={[
              { label: "Average quiz score", value: orDash(quizzes.averageScore), note: "best attempt per learner and quiz" },
              { label: "Graded attempts", value: quizzes.attempts, note: `learners who enrolled in ${period}` },
            ]}
          />
          <TableScroll>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Quizzes</caption>
              <thead>
                <tr>
                  {["Quiz", "Graded attempts", "Learners", "Average score", "Pass rate", "Results"].map((c) => (
                    <th key={c} scope="col" className={tableStyles.th}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {quizzes.perQuiz.map((q) => (
                  <tr key={q.lessonId}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {q.title}
                    </th>
                    <td className={`${tableStyles.td} tabular-nums`}>{q.attempts}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>{q.learners}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>{orDash(q.averageScore)}</td>
                    <td className={`${tableStyles.td} tabular-nums`}>
                      {q.passRate === null ? "—" : `${percent(q.passRate)} (${plural(q.passed, "learner")})`}
                    </td>
                    <td className={tableStyles.td}>
                      <Link href={quizResultsHref(courseId, q.lessonId)} className={buttonStyles.link}>
                        Results<span className="sr-only"> of {q.title}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
