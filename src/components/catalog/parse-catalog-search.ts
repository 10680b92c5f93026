import { catalogQuerySchema, type CatalogQuery } from "@/lib/validation/catalog";
import { parseSearch, type SearchParams } from "@/lib/validation/parse-search";

/** The catalog query from a page URL (see parseSearch: refused values are dropped, not a 500). */
export const parseCatalogSearch = (searchParams: SearchParams): CatalogQuery =>
  parseSearch(catalogQuerySchema, searchParams, ["q", "category", "difficulty", "sort", "page"]);
