import type { Metadata } from "next";
import Link from "next/link";
import { ChartColumn, Inbox, MessageCircleQuestion, Plus } from "lucide-react";
import { ManagedCoursesTable } from "@/components/course/managed-courses-table";
import { buttonStyles } from "@/components/ui/button-styles";
import { listInstructorCourses } from "@/lib/courses/list-instructor-courses";
import { requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const viewer = await requirePageRole("/instructor", "INSTRUCTOR", "ADMIN");
  const courses = await listInstructorCourses(viewer);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Instructor</h1>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="flex-1 text-xl font-semibold">My courses</h2>
        {courses.length > 0 && (
          <Link href="/instructor/submissions" className={buttonStyles.secondary}>
            <Inbox aria-hidden="true" className="h-4 w-4" />
            Submissions to grade
          </Link>
        )}
        {courses.length > 0 && (
          <Link href="/instructor/questions" className={buttonStyles.secondary}>
            <MessageCircleQuestion aria-hidden="true" className="h-4 w-4" />
            Unanswered questions
          </Link>
        )}
        {courses.length > 0 && (
          <Link href="/instructor/analytics" className={buttonStyles.secondary}>
            <ChartColumn aria-hidden="true" className="h-4 w-4" />
            Analytics across my courses
          </Link>
        )}
        <Link href="/instructor/courses/new" className={buttonStyles.primary}>
          <Plus aria-hidden="true" className="h-4 w-4" />
          New course
        </Link>
      </div>
      {courses.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">You have no courses yet. Create your first one.</p>
      ) : (
        <ManagedCoursesTable courses={courses} caption="My courses with status, learners and last update" />
      )}
    </div>
  );
}
