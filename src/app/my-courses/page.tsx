import type { Metadata } from "next";
import Link from "next/link";
import { EnrolledCourseList } from "@/components/learning/enrolled-course-card";
import { buttonStyles } from "@/components/ui/button-styles";
import { listMyEnrollments } from "@/lib/learning/list-my-enrollments";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "My courses" };

export default async function MyCoursesPage() {
  const viewer = await requirePageUser("/my-courses");
  const enrollments = await listMyEnrollments(viewer);
  const completed = enrollments.filter((e) => e.progress >= 100).length;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">My courses</h1>
        {enrollments.length > 0 && (
          <p className="text-slate-700 dark:text-slate-300">
            {enrollments.length === 1 ? "1 course" : `${enrollments.length} courses`}, {completed} completed
          </p>
        )}
      </div>
      {enrollments.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-slate-300 p-6 dark:border-slate-700">
          <p className="text-slate-700 dark:text-slate-300">You are not enrolled in any course yet.</p>
          <Link href="/courses" className={buttonStyles.primary}>
            Browse the catalog
          </Link>
        </div>
      ) : (
        <EnrolledCourseList courses={enrollments} label="Enrolled courses" />
      )}
    </div>
  );
}
