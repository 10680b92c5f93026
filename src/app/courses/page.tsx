import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { catalogHref } from "@/components/catalog/catalog-href";
import { CatalogPagination } from "@/components/catalog/catalog-pagination";
import { CatalogSearchForm } from "@/components/catalog/catalog-search-form";
import { parseCatalogSearch } from "@/components/catalog/parse-catalog-search";
import { CourseGrid } from "@/components/course/course-card";
import { buttonStyles } from "@/components/ui/button-styles";
import { browseCatalog, catalogCategories } from "@/lib/courses/search-catalog";
import { plural } from "@/lib/format";

export const metadata: Metadata = {
  title: "Course catalog",
  description: "Browse and search BudhHub's courses by topic, category and difficulty, then enroll and learn at your pace.",
};

function resultSummary(total: number, q: string | undefined, filtered: boolean) {
  const count = plural(total, "course");
  const verb = total === 1 ? "matches" : "match";
  if (q) return `${count} ${verb} “${q}”${filtered ? " and your filters" : ""}`;
  return filtered ? `${count} ${verb} your filters` : `${count} in the catalog`;
}

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const query = parseCatalogSearch(await searchParams);
  const [result, categories] = await Promise.all([browseCatalog(query), catalogCategories()]);
  const filters = { q: query.q, category: query.category, difficulty: query.difficulty, sort: query.sort };
  const filtered = Boolean(query.category || query.difficulty);
  const pastTheEnd = result.courses.length === 0 && result.total > 0;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Course catalog</h1>
      <CatalogSearchForm filters={filters} categories={categories} />
      <p role="status" aria-live="polite" className="text-slate-700 dark:text-slate-300">
        {resultSummary(result.total, query.q, filtered)}
      </p>
      {result.courses.length > 0 ? (
        <CourseGrid courses={result.courses} label="Courses" headingLevel={2} />
      ) : pastTheEnd ? (
        <p className="text-slate-700 dark:text-slate-300">
          There is no page {result.page}.{" "}
          <Link href={catalogHref({ ...filters, page: result.pageCount })} className={buttonStyles.link}>
            Go to the last page
          </Link>
        </p>
      ) : (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-slate-300 p-6 dark:border-slate-700">
          <p className="text-slate-700 dark:text-slate-300">
            {query.q || filtered ? "No course matches. Try fewer words or other filters." : "No courses are published yet."}
          </p>
          {(query.q || filtered) && (
            <Link href="/courses" className={buttonStyles.secondary}>
              Clear filters
            </Link>
          )}
        </div>
      )}
      {!pastTheEnd && <CatalogPagination filters={filters} page={result.page} pageCount={result.pageCount} />}
    </div>
  );
}
