import Link from "next/link";
import { TableScroll } from "./table-scroll";
import { tableStyles } from "@/components/ui/table-styles";
import type { TopCourse } from "@/lib/analytics/types";
import { ColumnHeads } from "@/components/ui/column-heads";

/** A ranked list of courses with one count each, every course opening its analytics. */
export function TopCoursesTable({
  title,
  countLabel,
  courses,
  emptyText,
}: {
  title: string;
  countLabel: string;
  courses: TopCourse[];
  emptyText: string;
}) {
  const headingId = `top-${countLabel.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3">
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      {courses.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{emptyText}</p>
      ) : (
        <TableScroll>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>{title}</caption>
            <ColumnHeads columns={["#", "Course", "Instructor", { label: countLabel, numeric: true }]} />
            <tbody>
              {courses.map((c, i) => (
                <tr key={c.courseId}>
                  <td className={`${tableStyles.td} tabular-nums`}>{i + 1}</td>
                  <th scope="row" className={`${tableStyles.td} font-medium`}>
                    <Link href={`/instructor/courses/${c.courseId}/analytics`} className="hover:underline">
                      {c.title}
                    </Link>
                  </th>
                  <td className={tableStyles.td}>{c.instructorName ?? "—"}</td>
                  <td className={`${tableStyles.td} text-right tabular-nums`}>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
