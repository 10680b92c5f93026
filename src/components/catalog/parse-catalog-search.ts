import { catalogQuerySchema, type CatalogQuery } from "@/lib/validation/catalog";

type SearchParams = Record<string, string | string[] | undefined>;

/** The catalog query from a page URL: a repeated key counts once, and a value the schema refuses is dropped, not a 500. */
export function parseCatalogSearch(searchParams: SearchParams): CatalogQuery {
  const input: Record<string, string> = {};
  for (const key of ["q", "category", "difficulty", "sort", "page"] as const) {
    const value = searchParams[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") input[key] = first;
  }
  const parsed = catalogQuerySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete input[String(issue.path[0])];
  return catalogQuerySchema.parse(input);
}
