/** The catalog's filters as they appear in its URL. */
export type CatalogFilters = { q?: string; category?: string; difficulty?: string; sort?: string; page?: number };

/**
 * The /courses URL for these filters: empty values left out, "relevance" (the default sort) left out, and page 1 left
 * out, so that one result set has one URL to share.
 */
export function catalogHref(filters: CatalogFilters): string {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set("q", filters.q.trim());
  if (filters.category) params.set("category", filters.category);
  if (filters.difficulty) params.set("difficulty", filters.difficulty);
  if (filters.sort && filters.sort !== "relevance") params.set("sort", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `/courses?${query}` : "/courses";
}
