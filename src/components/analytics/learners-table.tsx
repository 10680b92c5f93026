import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { ProgressBar } from "@/components/learning/progress-bar";
import { TableScroll } from "./table-scroll";
import { tableStyles } from "@/components/ui/table-styles";
import type { LearnerRow } from "@/lib/analytics/types";
import type { LearnersQuery } from "@/lib/validation/analytics";
import { courseAnalyticsHref, type CourseAnalyticsView } from "./course-analytics-href";

type SortKey = LearnersQuery["sort"];

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

/** The direction a column sorts in first: names A to Z, figures and dates largest or newest first. */
const firstDirection: Record<SortKey, "asc" | "desc"> = { name: "asc", enrolled: "desc", progress: "desc", activity: "desc" };

function SortHeader({ courseId, view, sort, label }: { courseId: string; view: CourseAnalyticsView; sort: SortKey; label: string }) {
  const active = view.sort === sort;
  const nextDir = active ? (view.dir === "asc" ? "desc" : "asc") : firstDirection[sort];
  const Icon = active ? (view.dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
  return (
    <th scope="col" className={tableStyles.th} aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={courseAnalyticsHref(courseId, { ...view, sort, dir: nextDir, page: 1 })}
        scroll={false}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {label}
        <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
        <Icon aria-hidden="true" className={`h-3.5 w-3.5 ${active ? "" : "opacity-60"}`} />
      </Link>
    </th>
  );
}

/** One page of a course's learners; the column headers sort (a second click reverses) and keep the search. */
export function LearnersTable({ courseId, view, rows }: { courseId: string; view: CourseAnalyticsView; rows: LearnerRow[] }) {
  return (
    <TableScroll>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>Learners</caption>
        <thead>
          <tr>
            <SortHeader courseId={courseId} view={view} sort="name" label="Name" />
            <th scope="col" className={tableStyles.th}>
              E-mail
            </th>
            <SortHeader courseId={courseId} view={view} sort="enrolled" label="Enrolled" />
            <SortHeader courseId={courseId} view={view} sort="progress" label="Progress" />
            <SortHeader courseId={courseId} view={view} sort="activity" label="Last activity" />
            <th scope="col" className={tableStyles.th}>
              Certificate
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.enrollmentId}>
              <th scope="row" className={`${tableStyles.td} font-medium`}>
                {row.name ?? "(no name)"}
              </th>
              <td className={tableStyles.td}>{row.email}</td>
              <td className={`${tableStyles.td} whitespace-nowrap`}>{formatDate(row.enrolledAt)}</td>
              <td className={`${tableStyles.td} min-w-32`}>
                <ProgressBar value={row.progress} label={`Progress of ${row.name ?? row.email}`} />
              </td>
              <td className={`${tableStyles.td} whitespace-nowrap`}>
                {row.lastActivityAt ? formatDate(row.lastActivityAt) : "None recorded"}
              </td>
              <td className={`${tableStyles.td} whitespace-nowrap`}>
                {row.certificateCode ? (
                  <Link href={`/certificates/${row.certificateCode}`} className="font-mono hover:underline">
                    {row.certificateCode}
                    <span className="sr-only"> (certificate of {row.name ?? row.email})</span>
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
