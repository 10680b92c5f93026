import type { Metadata } from "next";
import { CourseDetailsForm } from "@/components/course/course-details-form";
import { requirePageRole } from "@/app/_http/page-viewer";
import { listCategoryNames } from "@/lib/categories/manage-categories";

export const metadata: Metadata = { title: "New course" };

export default async function NewCoursePage() {
  await requirePageRole("/instructor/courses/new", "INSTRUCTOR", "ADMIN");
  const categories = await listCategoryNames();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">New course</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Start with the basics; you add modules, lessons and files next. It stays a draft until you publish it.
      </p>
      <CourseDetailsForm categories={categories} />
    </div>
  );
}
