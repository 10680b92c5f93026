import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";
import { catalogHref, type CatalogFilters } from "./catalog-href";

/** Previous / Next through the catalog's pages, keeping the filters in the URL. */
export function CatalogPagination({ filters, page, pageCount }: { filters: CatalogFilters; page: number; pageCount: number }) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={catalogHref({ ...filters, page: Math.min(page - 1, pageCount) })} rel="prev" className={buttonStyles.secondary}>
          <ChevronLeft aria-hidden="true" className="h-4 w-4" />
          Previous
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={catalogHref({ ...filters, page: page + 1 })} rel="next" className={buttonStyles.secondary}>
          Next
          <ChevronRight aria-hidden="true" className="h-4 w-4" />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
