import fs from "node:fs";
import type { Browser, BrowserContext, Download, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminAnalytics, CourseAnalytics, InstructorAnalytics, LearnersPage, TimePoint } from "@/lib/analytics/types";
import { formatBytes } from "@/lib/format";
import { DEMO_ADMIN, DEMO_PASSWORD, strongPassword, uniqueEmail, uniqueIp } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { signUpInContext } from "../helpers/browser-accounts";
import { axeViolations, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";

/**
 * What the demo seed guarantees (src/lib/demo/seed-demo-data.ts): Ada teaches "Introduction to Python", in which
 * Grace Hopper, Katherine Johnson and Tim Berners-Lee are enrolled (45, 30 and 20 days ago), Katherine has finished it.
 * Other e2e files share the server's data, so counts are "at least" these and otherwise taken from the API.
 */
const PYTHON = "Introduction to Python";
const PYTHON_LEARNERS = ["Grace Hopper", "Katherine Johnson", "Tim Berners-Lee"];

/** RFC 4180 as the export writes it: quoted fields with doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) {
      field += c;
    } else if (c === ",") {
      endField();
    } else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function csvOf(download: Download): Promise<string[][]> {
  return parseCsv(fs.readFileSync(await download.path(), "utf8"));
}

async function json<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const sum = (points: TimePoint[]) => points.reduce((n, p) => n + p.count, 0);

/** The value of a stat card, by its label. */
const stat = (page: Page, label: string) =>
  page
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]")
    .textContent();

/** Name and e-mail of each row of the learners table, top to bottom. */
async function tableLearners(page: Page): Promise<{ name: string; email: string; progress: number }[]> {
  const rows = page.getByRole("table", { name: "Learners" }).locator("tbody tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector("th")?.textContent ?? "",
      email: tr.querySelector("td")?.textContent ?? "",
      progress: Number(tr.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")),
    })),
  );
}

/** Every learner the API lists for a search and order, all pages. */
async function apiLearners(context: BrowserContext, courseId: string, params: Record<string, string>) {
  const all: LearnersPage["rows"] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ ...params, page: String(page) });
    const result = await json<LearnersPage>(context, `/api/instructor/courses/${courseId}/analytics/learners?${query}`);
    all.push(...result.rows);
    if (page * result.pageSize >= result.total) return { rows: all, total: result.total };
  }
}

/** The cells of a chart's data table, row by row (opening "Show data as table" first). */
async function chartTable(figure: Locator): Promise<string[][]> {
  const details = figure.locator("details");
  if ((await details.count()) > 0 && !(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await figure.getByText("Show data as table").click();
  }
  return figure.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
}

describe("analytics in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let ada: BrowserContext;
  let admin: BrowserContext;
  let stranger: BrowserContext;
  let pythonId: string;
  let emptyCourseId: string;

  async function signedIn(email: string, password = DEMO_PASSWORD) {
    const context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const response = await context.request.post("/api/auth/signin", { data: { email, password } });
    expect(response.status()).toBe(200);
    return context;
  }

  async function open(context: BrowserContext, path: string) {
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(path);
    await waitForHydration(page);
    return { page, errors };
  }

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    ada = await signedIn("ada@budhhub.test");
    admin = await signedIn(DEMO_ADMIN);
    const { courses } = await json<{ courses: { id: string; title: string }[] }>(ada, "/api/instructor/courses");
    pythonId = courses.find((c) => c.title === PYTHON)!.id;

    // An instructor of their own, unrelated to the demo, with one course that has no lessons and no learners.
    stranger = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const name = "Una Related";
    await signUpInContext(stranger, { name, email: uniqueEmail("analytics"), password: strongPassword(), role: "INSTRUCTOR" });
    const created = await stranger.request.post("/api/instructor/courses", {
      data: { title: "Empty analytics course", description: "Nothing here yet." },
    });
    expect(created.status()).toBe(201);
    emptyCourseId = ((await created.json()) as { course: { id: string } }).course.id;
  });
  afterAll(async () => close?.());

  it("an instructor opens a course's analytics: figures, charts, funnel and learners match the API", async () => {
    const api = await json<CourseAnalytics>(ada, `/api/instructor/courses/${pythonId}/analytics?range=all`);
    expect(api.summary.enrollments).toBeGreaterThanOrEqual(3);
    expect(api.summary.completions).toBeGreaterThanOrEqual(1);

    const { page, errors } = await open(ada, `/instructor/courses/${pythonId}`);
    await page.getByRole("link", { name: "Analytics", exact: true }).click();
    await page.waitForURL(`**/instructor/courses/${pythonId}/analytics`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(PYTHON);

    // The range picker, by keyboard: Tab to "All time" and press Enter.
    const allTime = page.getByRole("navigation", { name: "Date range" }).getByRole("link", { name: "All time" });
    await allTime.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("range") === "all");
    await expect(page.getByRole("navigation", { name: "Date range" }).locator('[aria-current="page"]').textContent()).resolves.toBe(
      "All time",
    );

    expect(await stat(page, "Enrollments")).toBe(String(api.summary.enrollments));
    expect(await stat(page, "Completions")).toBe(String(api.summary.completions));
    expect(await stat(page, "Active learners, 30 days")).toBe(String(api.summary.activeLearners30d));

    // The enrollments chart is drawn (an image with bars) and its table holds the API's series.
    const chart = page.getByRole("figure", { name: `Enrollments per ${api.range.bucket}` });
    await expect(chart.locator("[role=img]").getAttribute("aria-label")).resolves.toMatch(
      new RegExp(`^Bar chart of enrollments per week .*: ${api.summary.enrollments} in all`),
    );
    await chart.locator("svg .recharts-bar-rectangle path").first().waitFor();
    expect(await chart.locator("svg .recharts-bar-rectangle path").count()).toBe(api.enrollmentsOverTime.filter((p) => p.count > 0).length);
    const rows = await chartTable(chart);
    expect(rows.map(([, n]) => Number(n))).toEqual(api.enrollmentsOverTime.map((p) => p.count));
    expect(sum(api.enrollmentsOverTime)).toBe(api.summary.enrollments);

    // The funnel: one row per lesson with the API's completions.
    const funnel = page.getByRole("figure", { name: "Lesson completion funnel" });
    const steps = await chartTable(funnel);
    expect(steps.map((cells) => [cells[0], cells[1], Number(cells[3])])).toEqual(
      api.funnel.map((s) => [String(s.position), s.title, s.completed]),
    );
    expect(api.funnel[0]!.completed).toBeGreaterThanOrEqual(3);

    // The learners table: the demo's three, newest enrollment first.
    const learners = await apiLearners(ada, pythonId, {});
    const shown = await tableLearners(page);
    expect(shown.map((l) => l.email)).toEqual(learners.rows.slice(0, 25).map((l) => l.email));
    expect(shown.map((l) => l.name)).toEqual(expect.arrayContaining(PYTHON_LEARNERS));
    expect(shown.find((l) => l.name === "Katherine Johnson")?.progress).toBe(100);
    expect(errors).toEqual([]);
  });

  it("sorts and searches the learners table through the URL, and downloads the same rows as CSV", async () => {
    const { page, errors } = await open(ada, `/instructor/courses/${pythonId}/analytics?range=all`);
    const table = page.getByRole("table", { name: "Learners" });

    await table.getByRole("link", { name: /^Name/ }).click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "name" && url.searchParams.get("dir") === "asc");
    await expect(table.locator("th[aria-sort]").getAttribute("aria-sort")).resolves.toBe("ascending");
    const byName = await apiLearners(ada, pythonId, { sort: "name", dir: "asc" });
    expect((await tableLearners(page)).map((l) => l.email)).toEqual(byName.rows.slice(0, 25).map((l) => l.email));

    await table.getByRole("link", { name: /^Progress/ }).click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "progress");
    await table.getByRole("link", { name: /^Progress/ }).click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "progress" && url.searchParams.get("dir") === "asc");
    const progress = (await tableLearners(page)).map((l) => l.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new URL(page.url()).searchParams.get("range")).toBe("all");

    // The whole list, in the table's order, as CSV.
    const csvLink = page.getByRole("link", { name: "Download CSV" });
    expect(new URL((await csvLink.getAttribute("href"))!, baseUrl()).searchParams.get("sort")).toBe("progress");
    const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^introduction-to-python-learners-.*\.csv$/);
    const [header, ...csvRows] = await csvOf(download);
    expect(header).toEqual(["Name", "E-mail", "Enrolled at", "Progress (%)", "Completed at", "Last activity", "Certificate"]);
    const byProgress = await apiLearners(ada, pythonId, { sort: "progress", dir: "asc" });
    expect(csvRows.map((r) => [r[1], Number(r[3])])).toEqual(byProgress.rows.map((l) => [l.email, l.progress]));
    expect(csvRows.slice(0, 25).map((r) => r[1])).toEqual((await tableLearners(page)).map((l) => l.email));

    // Search keeps the order; the CSV link carries the search.
    await page.getByLabel("Search by name or e-mail").fill("learner2@budhhub");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "learner2@budhhub");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("progress");
    expect((await tableLearners(page)).map((l) => l.name)).toEqual(["Katherine Johnson"]);
    await expect(page.getByRole("status").filter({ hasText: "learner" }).textContent()).resolves.toContain("1 learner matches");
    const [filtered] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const filteredRows = (await csvOf(filtered)).slice(1);
    expect(filteredRows.map((r) => [r[0], r[1], r[3]])).toEqual([["Katherine Johnson", "learner2@budhhub.test", "100"]]);

    await page.getByLabel("Search by name or e-mail").fill("nobody-by-this-name");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("No learner matches “nobody-by-this-name”.").waitFor();
    expect(errors).toEqual([]);
  });

  it("shows an empty state for a course with no lessons and no learners, and refuses an unrelated instructor", async () => {
    const { page, errors } = await open(stranger, `/instructor/courses/${emptyCourseId}/analytics`);
    await page.getByText("This course has no lessons yet.").waitFor();
    await page.getByText("No learners yet.").waitFor();
    await page.getByText("No one enrolled in this course in the last 30 days.").waitFor();
    expect(await page.getByRole("link", { name: "Download CSV" }).count()).toBe(0);

    await page.goto(`/instructor/courses/${pythonId}/analytics`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page not found");
    expect(await page.getByText("Grace Hopper").count()).toBe(0);
    const csv = await stranger.request.get(`/api/instructor/courses/${pythonId}/analytics/learners?format=csv`);
    expect([403, 404]).toContain(csv.status());
    expect(await csv.text()).not.toContain("budhhub.test");

    // Their "across my courses" view has their one course and nothing of Ada's.
    await page.goto("/instructor/analytics");
    const perCourse = page.getByRole("table", { name: "Figures per course" });
    expect(await perCourse.locator("tbody tr").count()).toBe(1);
    await expect(perCourse.locator("tbody th").textContent()).resolves.toBe("Empty analytics course");
    expect(errors).toEqual([]);
  });

  it("an instructor sees figures across their courses, each linking to that course's analytics", async () => {
    const api = await json<InstructorAnalytics>(ada, "/api/instructor/analytics?range=90d");
    const { page, errors } = await open(ada, "/instructor");
    await page.getByRole("link", { name: "Analytics across my courses" }).click();
    await page.waitForURL("**/instructor/analytics");
    await page.getByRole("link", { name: "90 days" }).click();
    await page.waitForURL((url) => url.searchParams.get("range") === "90d");
    expect(await stat(page, "Enrollments")).toBe(String(api.summary.enrollments));
    const perCourse = page.getByRole("table", { name: "Figures per course" });
    expect(await perCourse.locator("tbody th").allTextContents()).toEqual(api.courses.map((c) => c.title));
    await perCourse.getByRole("link", { name: PYTHON }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${pythonId}/analytics`) && url.searchParams.get("range") === "90d");
    expect(errors).toEqual([]);
  });

  it("the demo admin sees platform figures on /admin that match the demo data, and downloads them as CSV", async () => {
    const api = await json<AdminAnalytics>(admin, "/api/admin/analytics?range=all");
    expect(api.usersByRole.LEARNER).toBeGreaterThanOrEqual(5);
    expect(api.usersByRole.INSTRUCTOR).toBeGreaterThanOrEqual(3); // Ada, Alan and this file's instructor
    expect(api.courses.published).toBeGreaterThanOrEqual(6);
    expect(api.courses.draft).toBeGreaterThanOrEqual(2); // the demo draft and this file's empty course
    expect(api.storage.videoCount).toBeGreaterThanOrEqual(1);
    expect(api.storage.materialCount).toBeGreaterThanOrEqual(1);
    const python = api.topByEnrollments.find((c) => c.title === PYTHON);
    expect(python?.count).toBeGreaterThanOrEqual(3);
    expect(python?.instructorName).toBe("Ada Lovelace");

    const { page, errors } = await open(admin, "/admin?range=all");
    expect(await stat(page, "Learners")).toBe(String(api.usersByRole.LEARNER));
    expect(await stat(page, "Instructors")).toBe(String(api.usersByRole.INSTRUCTOR));
    expect(await stat(page, "Published courses")).toBe(String(api.courses.published));
    expect(await stat(page, "Draft courses")).toBe(String(api.courses.draft));
    expect(await stat(page, "Lesson videos")).toBe(formatBytes(api.storage.videoBytes));
    expect(await stat(page, "Materials")).toBe(formatBytes(api.storage.materialBytes));

    // Over all time, the sign-ups add up to every user there is.
    const signUps = await chartTable(page.getByRole("figure", { name: /^Sign-ups per/ }));
    const users = api.usersByRole.ADMIN + api.usersByRole.INSTRUCTOR + api.usersByRole.LEARNER;
    expect(signUps.reduce((n, [, c]) => n + Number(c), 0)).toBe(users);

    const top = page.getByRole("table", { name: "Top courses by enrollments" });
    const topRows = await top
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")?.textContent, Number(tr.lastElementChild?.textContent)]));
    expect(topRows).toEqual(api.topByEnrollments.map((c) => [c.title, c.count]));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download CSV/ }).click()]);
    const [header, ...rows] = await csvOf(download);
    expect(header).toEqual(["Course", "Instructor", "Status", "Enrollments", "Completions", "Completion rate (%)", "Average progress (%)"]);
    expect(rows).toHaveLength(api.courses.published + api.courses.draft);
    const pythonRow = rows.find((r) => r[0] === PYTHON)!;
    expect([pythonRow[1], pythonRow[2], Number(pythonRow[3])]).toEqual(["Ada Lovelace", "published", python!.count]);
    expect(errors).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const width of [1280, 360]) {
      it(`has no accessibility violations on the analytics pages (${scheme}, ${width} px)`, async () => {
        const pages: [BrowserContext, string][] = [
          [ada, `/instructor/courses/${pythonId}/analytics?range=all`],
          [ada, `/instructor/courses/${pythonId}/analytics?range=7d&sort=name&dir=asc`],
          [ada, "/instructor/analytics"],
          [stranger, `/instructor/courses/${emptyCourseId}/analytics`],
          [admin, "/admin?range=all"],
          [admin, "/admin?range=7d"],
        ];
        for (const [context, path] of pages) {
          const page = await context.newPage();
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
          const errors = watchPageErrors(page);
          await page.goto(path);
          await waitForHydration(page);
          // Open every "Show data as table" so that axe checks those tables too.
          await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect({ path, violations: await axeViolations(page), overflow, errors }).toEqual({
            path,
            violations: [],
            overflow: 0,
            errors: [],
          });
          await page.close();
        }
      });
    }
  }
});
