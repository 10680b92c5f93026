import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, DEMO_PASSWORD, ensureCategory, newAccount, uniqueIp, type Account, type ApiResponse } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser } from "../helpers/browser";
import { openPage } from "../helpers/learner-pages";

/** Courses made for the pagination test: more than one page (12) in a category and difficulty of their own. */
const EXTRA_CATEGORY = "Gardening";
const EXTRA_COURSES = 13;

type CatalogJson = { courses: { id: string; title: string; slug: string }[]; total: number };

async function catalogJson(query: string): Promise<CatalogJson> {
  const response = await fetch(`${baseUrl()}/api/courses?${query}`);
  if (!response.ok) throw new Error(`GET /api/courses?${query} answered ${response.status}`);
  return (await response.json()) as CatalogJson;
}

async function courseOf(title: string): Promise<{ id: string; slug: string }> {
  const found = (await catalogJson(`q=${encodeURIComponent(title)}`)).courses.find((c) => c.title === title);
  if (!found) throw new Error(`no published course "${title}"`);
  return found;
}

/** A demo course's page: at its readable URL. */
const coursePath = async (title: string) => `/courses/${(await courseOf(title)).slug}`;

async function expectOk(response: Promise<ApiResponse>, status: number, what: string): Promise<ApiResponse> {
  const r = await response;
  if (r.status !== status) throw new Error(`${what} answered ${r.status}: ${r.text}`);
  return r;
}

/** A published course with one lesson, made through the instructor API. */
async function publishedCourse(client: ApiClient, n: number): Promise<string> {
  const title = `Garden course ${String(n).padStart(2, "0")}`;
  const created = await expectOk(
    client.post("/api/instructor/courses", {
      title,
      description: "Soil, seeds and patience.",
      category: EXTRA_CATEGORY,
      difficulty: "advanced",
    }),
    201,
    `creating ${title}`,
  );
  const courseId = created.json<{ course: { id: string } }>().course.id;
  const mod = await expectOk(client.post(`/api/instructor/courses/${courseId}/modules`, { title: "Basics" }), 201, "a module");
  const moduleId = mod.json<{ module: { id: string } }>().module.id;
  await expectOk(client.post(`/api/instructor/courses/${courseId}/modules/${moduleId}/lessons`, { title: "Digging in" }), 201, "a lesson");
  await expectOk(client.post(`/api/instructor/courses/${courseId}/publish`, { published: true }), 200, `publishing ${title}`);
  return courseId;
}

/** The demo draft course and a client signed in as its instructor. */
async function demoDraft(): Promise<{ id: string; slug: string; editor: ApiClient }> {
  for (const email of ["ada@budhhub.test", "alan@budhhub.test"]) {
    const client = new ApiClient();
    await expectOk(client.signIn(email, DEMO_PASSWORD), 200, `signing in ${email}`);
    const { courses } = (await client.get("/api/instructor/courses")).json<{
      courses: { id: string; slug: string; isPublished: boolean }[];
    }>();
    const draft = courses.find((c) => !c.isPublished);
    if (draft) return { id: draft.id, slug: draft.slug, editor: client };
  }
  throw new Error("the demo data has no draft course");
}

const searchOf = (page: Page) => new URL(page.url()).searchParams;
const cardTitles = (page: Page) => page.getByRole("list", { name: "Courses" }).getByRole("heading").allTextContents();
const status = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /course/ })
    .textContent();

describe("catalog and course page in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  const extraCourseIds: string[] = [];
  const newContext = (options: Parameters<Browser["newContext"]>[0] = {}) =>
    browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "gardener");
    await ensureCategory(EXTRA_CATEGORY);
    for (let n = 1; n <= EXTRA_COURSES; n++) extraCourseIds.push(await publishedCourse(instructor.client, n));
  });

  afterAll(async () => {
    // Other journeys count the demo catalog: take the extra courses out of it again.
    for (const id of extraCourseIds) await instructor.client.post(`/api/instructor/courses/${id}/publish`, { published: false });
    await close?.();
  });

  it("finds the Python course while typing a prefix, keeps the focus in the search box and puts q in the URL", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, "/courses");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.click();
    await search.pressSequentially("pyth", { delay: 60 });
    await page.waitForURL((url) => url.searchParams.get("q") === "pyth");
    await page.getByRole("status").filter({ hasText: "“pyth”" }).waitFor();

    expect(await cardTitles(page)).toContain("Introduction to Python");
    expect(await status(page)).toMatch(/^\d+ courses? match(es)? “pyth”$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("catalog-q");
    await expect(search.inputValue()).resolves.toBe("pyth");
    // The page at that URL, loaded fresh, shows the same search: the URL can be shared.
    await page.reload({ waitUntil: "load" });
    await expect(page.getByRole("searchbox", { name: "Search" }).inputValue()).resolves.toBe("pyth");
    expect(await cardTitles(page)).toContain("Introduction to Python");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters by category and difficulty, shows an empty state with Clear filters, and sorts by title", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, "/courses");
    await page.getByLabel("Category").selectOption("Data");
    await page.waitForURL((url) => url.searchParams.get("category") === "Data");
    await page.getByRole("status").filter({ hasText: "your filters" }).waitFor();
    expect(await cardTitles(page)).toEqual(["SQL for Analysts"]);

    await page.getByLabel("Difficulty").selectOption("advanced");
    await page.waitForURL((url) => url.searchParams.get("difficulty") === "advanced");
    await page.getByText("No course matches.").waitFor();
    expect(searchOf(page).get("category")).toBe("Data");
    expect(await status(page)).toBe("0 courses match your filters");

    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.waitForURL((url) => url.pathname === "/courses" && url.search === "");
    await page.getByRole("status").filter({ hasText: "in the catalog" }).waitFor();
    await expect(page.getByLabel("Category").inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Difficulty").inputValue()).resolves.toBe("");

    await page.getByLabel("Sort by").selectOption("title");
    await page.waitForURL((url) => url.searchParams.get("sort") === "title");
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('ul[aria-label="Courses"] h2')].map((h) => h.textContent ?? "");
      return titles.length > 1 && titles.every((t, i) => i === 0 || titles[i - 1]!.localeCompare(t) <= 0);
    });
    // Other test files publish courses too (a cohort's course sorts before the garden ones): the page shows what the
    // API sorts first, in the same order.
    const titles = await cardTitles(page);
    const sorted = (await catalogJson("sort=title")).courses.map((c) => c.title);
    expect(titles).toEqual(sorted.slice(0, titles.length));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("pages through a filtered result and keeps the filters in the Previous and Next links", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, `/courses?category=${EXTRA_CATEGORY}&difficulty=advanced&sort=title`);
    expect(await status(page)).toBe(`${EXTRA_COURSES} courses match your filters`);
    expect(await cardTitles(page)).toHaveLength(12);
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await expect(pagination.getByText("Page 1 of 2").count()).resolves.toBe(1);
    expect(await pagination.getByRole("link", { name: "Previous" }).count()).toBe(0);

    await pagination.getByRole("link", { name: "Next" }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    expect(Object.fromEntries(searchOf(page))).toEqual({ category: EXTRA_CATEGORY, difficulty: "advanced", sort: "title", page: "2" });
    await pagination.getByText("Page 2 of 2").waitFor();
    expect(await cardTitles(page)).toEqual([`Garden course ${EXTRA_COURSES}`]);
    expect(await pagination.getByRole("link", { name: "Next" }).count()).toBe(0);
    await expect(pagination.getByRole("link", { name: "Previous" }).getAttribute("href")).resolves.toBe(
      `/courses?category=${EXTRA_CATEGORY}&difficulty=advanced&sort=title`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("drops bad filter values from the URL instead of failing, and works as a plain GET form without JavaScript", async () => {
    const bad = await fetch(`${baseUrl()}/courses?page=abc&difficulty=expert&sort=bogus&q=${"x".repeat(300)}`);
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("in the catalog");

    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/courses`, { waitUntil: "load" });
    await page.getByRole("searchbox", { name: "Search" }).fill("sql");
    await page.getByLabel("Category").selectOption("Data");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "sql");
    expect(searchOf(page).get("category")).toBe("Data");
    expect(await cardTitles(page)).toEqual(["SQL for Analysts"]);
    await context.close();
  });

  it("answers a draft with the not-found page for visitors, and shows it to its editor with a draft banner", async () => {
    const { id, slug, editor } = await demoDraft();
    const visitor = await newContext();
    // Neither the draft's readable URL nor its id tells a visitor it exists.
    for (const path of [`/courses/${slug}`, `/courses/${id}`, `/courses/${crypto.randomUUID()}`, "/courses/not-a-uuid"]) {
      const { page, response } = await openPage(visitor, path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page not found");
      await page.close();
    }
    await visitor.close();

    const context = await newContext();
    await context.addCookies([{ name: "authjs.session-token", value: editor.sessionToken!, url: baseUrl() }]);
    const { page, errors } = await openPage(context, `/courses/${slug}`);
    await expect(page.getByRole("note").textContent()).resolves.toMatch(/This course is a draft/);
    expect(await page.getByRole("link", { name: "Edit course" }).getAttribute("href")).toBe(`/instructor/courses/${id}`);
    expect(await page.getByRole("button", { name: "Enroll" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no accessibility violations on the catalog and a course page (${scheme})`, async () => {
      const context = await newContext({ colorScheme: scheme });
      const { page, errors } = await openPage(context, "/courses?q=py");
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseUrl()}/courses?category=${EXTRA_CATEGORY}&page=2`, { waitUntil: "load" });
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseUrl()}/courses?difficulty=advanced&category=Data`, { waitUntil: "load" });
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseUrl()}${await coursePath("Introduction to Python")}`, { waitUntil: "load" });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("fits the catalog and a course page on a 360 px wide screen without horizontal scrolling or violations", async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 } });
    const { page } = await openPage(context, "/courses");
    for (const path of ["/courses", await coursePath("Web Accessibility Fundamentals")]) {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: "load" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});
