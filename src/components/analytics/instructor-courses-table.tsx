import Link from "next/link";
import { overviewHref } from "./course-analytics-href";
import { TableScroll } from "./table-scroll";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import type { InstructorCourseRow } from "@/lib/analytics/types";
import type { AnalyticsRange } from "@/lib/validation/analytics";
import { percent } from "./labels";
import { ColumnHeads } from "@/components/ui/column-heads";

const numeric = `${tableStyles.td} text-right tabular-nums`;

/** One row per course the instructor teaches, each opening that course's analytics for the same range and cohort. */
export function InstructorCoursesTable({
  courses,
  range,
  cohortId,
}: {
  courses: InstructorCourseRow[];
  range: AnalyticsRange;
  cohortId?: string;
}) {
  return (
    <TableScroll>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>Figures per course</caption>
        <ColumnHeads
          columns={[
            "Course",
            "Status",
            { label: "Enrollments", numeric: true },
            { label: "Completions", numeric: true },
            { label: "Completion rate", numeric: true },
            { label: "Average progress", numeric: true },
            { label: "Active learners, 30 days", numeric: true },
          ]}
        />
        <tbody>
          {courses.map((c) => (
            <tr key={c.courseId}>
              <th scope="row" className={`${tableStyles.td} font-medium`}>
                <Link href={overviewHref(`/instructor/courses/${c.courseId}/analytics`, { range, cohortId })} className="hover:underline">
                  {c.title}
                </Link>
              </th>
              <td className={tableStyles.td}>
                <span className={c.isPublished ? badgeStyles.green : badgeStyles.slate}>{c.isPublished ? "Published" : "Draft"}</span>
              </td>
              <td className={numeric}>{c.enrollments}</td>
              <td className={numeric}>{c.completions}</td>
              <td className={numeric}>{percent(c.completionRate)}</td>
              <td className={numeric}>{percent(c.averageProgress)}</td>
              <td className={numeric}>{c.activeLearners30d}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
