import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/app/_http/page-viewer";
import { CategoryManager } from "@/components/admin/category-manager";
import { buttonStyles } from "@/components/ui/button-styles";
import { listCategories } from "@/lib/categories/manage-categories";

export const metadata: Metadata = { title: "Categories" };

/** Admins: the categories instructors file courses under, and the catalog filters by. */
export default async function CategoriesPage() {
  const viewer = await requirePageRole("/admin/categories", "ADMIN");
  const categories = await listCategories(viewer);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Categories</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Instructors pick a course&apos;s category from this list, and the catalog filters by it. Renaming a category renames it on its
          courses; to remove one that has courses, merge it into another.{" "}
          <Link href="/admin/courses" className={buttonStyles.link}>
            All courses
          </Link>
        </p>
      </div>
      <CategoryManager categories={categories} />
    </div>
  );
}
