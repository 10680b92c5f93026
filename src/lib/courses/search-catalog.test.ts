import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { categories, courses, type NewCourse } from "@/lib/db/schema";
import { catalogQuerySchema } from "@/lib/validation/catalog";
import { browseCatalog, catalogChanged, searchCatalog } from "./search-catalog";

withTestDatabase();

const query = (params: Record<string, string>) => catalogQuerySchema.parse(params);
const titles = (page: { courses: { title: string }[] }) => page.courses.map((c) => c.title);

async function insertCourses(rows: Omit<NewCourse, "instructorId">[]) {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const names = [...new Set(rows.flatMap((r) => (r.category ? [r.category] : [])))];
  if (names.length)
    await db
      .insert(categories)
      .values(names.map((name) => ({ name })))
      .onConflictDoNothing();
  await db.insert(courses).values(rows.map((r) => ({ isPublished: true, ...r, instructorId: instructor.id })));
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("catalog search", () => {
  it("matches a prefix while typing and ranks a title match above a description-only match", async () => {
    await insertCourses([
      { title: "Data Wrangling", description: "Uses Python and pandas throughout.", category: "Data", createdAt: daysAgo(1) },
      { title: "Python for Beginners", description: "Start programming.", category: "Programming", createdAt: daysAgo(5) },
      { title: "Knitting", description: "Wool.", category: "Crafts" },
      { title: "Python Secrets", description: "Hidden.", isPublished: false },
    ]);
    for (const q of ["pyth", "Python", "PYTHON", "python beg"]) {
      const page = await searchCatalog(query({ q }));
      expect(titles(page)[0], q).toBe("Python for Beginners");
    }
    // The newer description-only match still comes second: relevance, not date, orders a search.
    expect(titles(await searchCatalog(query({ q: "pyth" })))).toEqual(["Python for Beginners", "Data Wrangling"]);
    expect(titles(await searchCatalog(query({ q: "progr" })))).toEqual(["Python for Beginners"]);
    // Category is searched too, and the search words are ANDed.
    expect(titles(await searchCatalog(query({ q: "crafts" })))).toEqual(["Knitting"]);
    expect(titles(await searchCatalog(query({ q: "python knitting" })))).toEqual([]);
    // Punctuation is not tsquery syntax.
    expect((await searchCatalog(query({ q: "py!&|:*()'" }))).total).toBe(2);
  });

  it("filters by category and difficulty, and sorts by newest, title and most enrolled", async () => {
    await insertCourses([
      { title: "B course", category: "Data", difficulty: "beginner", enrollmentCount: 5, createdAt: daysAgo(3) },
      { title: "A course", category: "Data", difficulty: "advanced", enrollmentCount: 50, createdAt: daysAgo(2) },
      { title: "C course", category: "Design", difficulty: "beginner", enrollmentCount: 20, createdAt: daysAgo(1) },
    ]);
    expect(titles(await searchCatalog(query({ category: "Data" })))).toEqual(["A course", "B course"]);
    expect(titles(await searchCatalog(query({ difficulty: "beginner" })))).toEqual(["C course", "B course"]);
    expect(titles(await searchCatalog(query({ category: "Data", difficulty: "beginner" })))).toEqual(["B course"]);
    expect(titles(await searchCatalog(query({})))).toEqual(["C course", "A course", "B course"]);
    expect(titles(await searchCatalog(query({ sort: "title" })))).toEqual(["A course", "B course", "C course"]);
    expect(titles(await searchCatalog(query({ sort: "popular" })))).toEqual(["A course", "C course", "B course"]);
    expect(titles(await searchCatalog(query({ q: "course", sort: "title", category: "Design" })))).toEqual(["C course"]);
  });

  it("pages by 12 with the total and page count, and answers an empty page past the end", async () => {
    await insertCourses(
      Array.from({ length: 30 }, (_, i) => ({ title: `Course ${String(i).padStart(2, "0")}`, description: "Pageable topic" })),
    );
    await insertCourses([{ title: "Hidden draft", description: "Pageable topic", isPublished: false }]);
    const first = await searchCatalog(query({ sort: "title" }));
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 3, pageSize: 12 });
    expect(first.courses).toHaveLength(12);
    const third = await searchCatalog(query({ sort: "title", page: "3" }));
    expect(titles(third)).toEqual(Array.from({ length: 6 }, (_, i) => `Course ${24 + i}`));
    expect(third.total).toBe(30);
    const searched = await searchCatalog(query({ q: "pageable", page: "2" }));
    expect(searched).toMatchObject({ total: 30, pageCount: 3 });
    expect(searched.courses).toHaveLength(12);
    const past = await searchCatalog(query({ page: "9" }));
    expect(past.courses).toEqual([]);
  });

  it("serves the unfiltered catalog from its cache until a change drops it", async () => {
    await insertCourses([{ title: "First" }]);
    catalogChanged();
    expect(titles(await browseCatalog(query({})))).toEqual(["First"]);
    await insertCourses([{ title: "Second" }]);
    // Cached for up to a second; a filtered query is never cached.
    expect(titles(await browseCatalog(query({})))).toEqual(["First"]);
    expect((await browseCatalog(query({ q: "second" }))).total).toBe(1);
    catalogChanged();
    expect(titles(await browseCatalog(query({})))).toEqual(["Second", "First"]);
  });
});
