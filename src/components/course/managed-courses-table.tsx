import Link from "next/link";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { ColumnHeads } from "@/components/ui/column-heads";

type Row = {
  id: string;
  title: string;
  isPublished: boolean;
  totalLessons: number;
  learners: number;
  updatedAt: Date;
  instructorName: string | null;
  instructorEmail: string;
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** Courses with status, lessons, learners and last update, each opening the editor; with owners for admins. */
export function ManagedCoursesTable({ courses, caption, showOwner = false }: { courses: Row[]; caption: string; showOwner?: boolean }) {
  return (
    <div className={tableStyles.wrapper}>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>{caption}</caption>
        <ColumnHeads columns={["Course", showOwner && "Instructor", "Status", "Lessons", "Learners", "Last update"]} />
        <tbody>
          {courses.map((course) => (
            <tr key={course.id}>
              <th scope="row" className={`${tableStyles.td} font-medium`}>
                <Link href={`/instructor/courses/${course.id}`} className="hover:underline">
                  {course.title}
                </Link>
              </th>
              {showOwner && <td className={tableStyles.td}>{course.instructorName ?? course.instructorEmail}</td>}
              <td className={tableStyles.td}>
                <span className={course.isPublished ? badgeStyles.green : badgeStyles.slate}>
                  {course.isPublished ? "Published" : "Draft"}
                </span>
              </td>
              <td className={tableStyles.td}>{course.totalLessons}</td>
              <td className={tableStyles.td}>{course.learners}</td>
              <td className={tableStyles.td}>{dateFormat.format(course.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
