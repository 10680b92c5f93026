import type { Metadata } from "next";
import { ManagedCoursesTable } from "@/components/course/managed-courses-table";
import { listAllCourses } from "@/lib/courses/list-instructor-courses";
import { requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "All courses" };

export default async function AdminCoursesPage() {
  const viewer = await requirePageRole("/admin/courses", "ADMIN");
  const courses = await listAllCourses(viewer);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">All courses</h1>
      {courses.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">No courses yet.</p>
      ) : (
        <ManagedCoursesTable courses={courses} caption="Every course with its instructor and status" showOwner />
      )}
    </div>
  );
}
