import { z } from "zod";
import { DIFFICULTIES } from "./course";
import { blankToUndefined, queryText } from "./text";

export const CATALOG_PAGE_SIZE = 12;
export const CATALOG_SORTS = ["relevance", "newest", "title", "popular"] as const;

/** The catalog's filters, from the page URL or GET /api/courses; a bad value is dropped rather than failing the page. */
export const catalogQuerySchema = z.object({
  q: queryText("The search", 200, "Search with at most 200 characters."),
  category: queryText("The category", 128),
  difficulty: z.preprocess(blankToUndefined, z.enum(DIFFICULTIES, { error: "Choose beginner, intermediate or advanced." }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(CATALOG_SORTS, { error: "Sort by relevance, newest, title or popular." }).optional()),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(10_000).default(1),
  ),
});
export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

/** A search box's text as a prefix-matching tsquery: words ANDed, the last one (still being typed) as a prefix. */
export function toPrefixTsquery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}
