import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";

/** Previous and next page links around "Page 2 of 5"; nothing when everything fits on one page. */
export function Pager({
  page,
  pageCount,
  hrefFor,
  label,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3">
      {page > 1 && (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev" scroll={false} className={buttonStyles.secondary}>
          <ChevronLeft aria-hidden="true" className="h-4 w-4" />
          Previous
        </Link>
      )}
      <span className="text-sm text-slate-700 dark:text-slate-300">
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next" scroll={false} className={buttonStyles.secondary}>
          Next
          <ChevronRight aria-hidden="true" className="h-4 w-4" />
        </Link>
      )}
    </nav>
  );
}
