import type { Metadata } from "next";
import Link from "next/link";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { requirePageRole } from "@/lib/auth/session";
import { listInstructorCourses } from "@/lib/courses/list-instructor-courses";

export const metadata: Metadata = { title: "Instructor" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function InstructorPage() {
  await requirePageRole("/instructor", "INSTRUCTOR", "ADMIN");
  const courses = await listInstructorCourses();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Instructor</h1>
      <h2 className="text-xl font-semibold">My courses</h2>
      {courses.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">You have no courses yet.</p>
      ) : (
        <div className={tableStyles.wrapper}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>My courses with status, learners and last update</caption>
            <thead>
              <tr>
                <th scope="col" className={tableStyles.th}>Course</th>
                <th scope="col" className={tableStyles.th}>Status</th>
                <th scope="col" className={tableStyles.th}>Lessons</th>
                <th scope="col" className={tableStyles.th}>Learners</th>
                <th scope="col" className={tableStyles.th}>Last update</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <th scope="row" className={`${tableStyles.td} font-medium`}>
                    <Link href={`/courses/${course.id}`} className="hover:underline">
                      {course.title}
                    </Link>
                  </th>
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
      )}
    </div>
  );
}
