import Link from "next/link";
import { buttonStyles } from "./button-styles";

/** "Previous page" and "Next page" links under a list of many pages; nothing when it has one. */
export function PageNav({
  page,
  pageCount,
  hrefFor,
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex gap-3">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} className={buttonStyles.secondary}>
          Previous page
        </Link>
      )}
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} className={buttonStyles.secondary}>
          Next page
        </Link>
      )}
    </nav>
  );
}
