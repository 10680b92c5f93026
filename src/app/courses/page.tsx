import type { Metadata } from "next";
import { connection } from "next/server";
import { CourseGrid } from "@/components/course/course-card";
import { listPublishedCourses } from "@/lib/courses/list-published-courses";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage() {
  await connection();
  const courses = await listPublishedCourses({ limit: 12 });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Catalog</h1>
      {courses.length > 0 ? (
        <CourseGrid courses={courses} label="Courses" />
      ) : (
        <p className="text-slate-700 dark:text-slate-300">No courses are published yet.</p>
      )}
    </div>
  );
}
