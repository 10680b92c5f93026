import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { publicPagesChanged } from "@/lib/http/public-page-cache";
import { db } from "@/lib/db/client";
import { courses, users } from "@/lib/db/schema";
import { thumbnailUrlFor } from "./thumbnail-url";
import { CATALOG_PAGE_SIZE, toPrefixTsquery, type CatalogQuery } from "@/lib/validation/catalog";

export type CourseCard = {
  id: string;
  title: string;
  slug: string;
  description: string | null;
  category: string | null;
  difficulty: string | null;
  thumbnailUrl: string | null;
  totalLessons: number;
  estimatedDuration: number | null;
  enrollmentCount: number;
  instructorName: string | null;
};

export type CatalogPage = { courses: CourseCard[]; total: number; page: number; pageCount: number; pageSize: number };

/** The columns of a course card (join users for the instructor's name); shared by every list of cards. */
export const courseCardColumns = {
  id: courses.id,
  title: courses.title,
  slug: courses.slug,
  description: courses.description,
  category: courses.category,
  difficulty: courses.difficulty,
  thumbnailKey: courses.thumbnailKey,
  totalLessons: courses.totalLessons,
  estimatedDuration: courses.estimatedDuration,
  enrollmentCount: courses.enrollmentCount,
  instructorName: users.name,
};

/** Swaps each row's thumbnail key for a signed URL. */
export async function withThumbnails<T extends { thumbnailKey: string | null }>(rows: T[]) {
  return Promise.all(rows.map(async ({ thumbnailKey, ...row }) => ({ ...row, thumbnailUrl: await thumbnailUrlFor(thumbnailKey) })));
}

/**
 * Published courses matching the filters, one page, with the total: one SQL statement (count(*) over () rides along).
 * Text search uses the generated tsvector and its GIN index; results are ranked unless another sort is asked for.
 */
export async function searchCatalog(query: CatalogQuery): Promise<CatalogPage> {
  const tsquery = query.q ? toPrefixTsquery(query.q) : null;
  const match = tsquery ? sql`to_tsquery('english', ${tsquery})` : null;
  const filters: SQL[] = [eq(courses.isPublished, true)];
  if (match) filters.push(sql`${courses.searchVector} @@ ${match}`);
  if (query.category) filters.push(eq(courses.category, query.category));
  if (query.difficulty) filters.push(eq(courses.difficulty, query.difficulty));
  const sort = query.sort ?? (match ? "relevance" : "newest");
  const orderBy: SQL[] =
    sort === "relevance" && match
      ? [desc(sql`ts_rank(${courses.searchVector}, ${match})`), desc(courses.createdAt)]
      : sort === "title"
        ? [asc(courses.title)]
        : sort === "popular"
          ? [desc(courses.enrollmentCount), desc(courses.createdAt)]
          : [desc(courses.createdAt)];
  const rows = await db
    .select({ ...courseCardColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(and(...filters))
    .orderBy(...orderBy, asc(courses.id))
    .limit(CATALOG_PAGE_SIZE)
    .offset((query.page - 1) * CATALOG_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  const cards = await withThumbnails(
    rows.map((row) => {
      const { total: _, ...card } = row;
      void _;
      return card;
    }),
  );
  return {
    courses: cards,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE)),
    pageSize: CATALOG_PAGE_SIZE,
  };
}

/**
 * The unfiltered catalog pages (also the home page's list) change only when a course is published, edited or deleted.
 * They are kept for one second per instance, so every instance shows a change within a second without a shared cache,
 * and the instance that made the change drops them at once (catalogChanged). The entry's clock starts when its query
 * starts, so another instance's staleness is at most CATALOG_TTL_MS (1 s) after the change commits: within the 2 s that
 * tests/scale/cache-bounds.test.ts holds every instance to.
 */
export const CATALOG_TTL_MS = 1000;

const unfiltered = new LRUCache<string, CatalogPage>({
  max: 200,
  ttl: CATALOG_TTL_MS,
  fetchMethod: async (key) => {
    const [sort, page] = key.split(":");
    return searchCatalog({ sort: sort as CatalogQuery["sort"], page: Number(page) });
  },
});

export async function browseCatalog(query: CatalogQuery): Promise<CatalogPage> {
  if (query.q || query.category || query.difficulty) return searchCatalog(query);
  return (await unfiltered.fetch(`${query.sort ?? "newest"}:${query.page}`))!;
}

/** Called after any write that changes what the catalog shows. */
export function catalogChanged() {
  publicPagesChanged();
  unfiltered.clear();
  categoryCache.clear();
}

/** The categories of published courses, for the filter (cached like the unfiltered pages). */
const categoryCache = new LRUCache<"all", string[]>({
  max: 1,
  ttl: CATALOG_TTL_MS,
  fetchMethod: async () =>
    (
      await db
        .selectDistinct({ category: courses.category })
        .from(courses)
        .where(and(eq(courses.isPublished, true), sql`${courses.category} is not null`))
        .orderBy(asc(courses.category))
    ).map((r) => r.category!),
});
export async function catalogCategories(): Promise<string[]> {
  return (await categoryCache.fetch("all"))!;
}
