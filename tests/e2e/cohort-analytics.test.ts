import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, DEMO_PASSWORD, demoAdmin, newAccount, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import {
  axeInBothSchemes,
  elementsPastViewportOutsideScrollBoxes,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";

/**
 * An instructor opens a course's analytics, picks a cohort in the page's cohort filter with the keyboard, and the
 * figures, the learners table and the CSV link count the cohort's members only, with a line that says so and a link
 * back to every learner. The instructor overview and the admin overview filter the same way. 0 axe violations in light
 * and dark, filtered.
 */

const RUN = randomBytes(4).toString("hex");
const address = () => `10.81.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** The value of a stat card, by its label. */
const stat = (page: Page, label: string) =>
  page
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]")
    .textContent();

describe("analytics filtered by a cohort in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: BrowserContext;
  let owner: Account;
  let members: Account[];
  let alone: Account;
  let course: BuiltCourse;
  let cohortId: string;
  const cohortName = `Evening class ${RUN}`;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    const [o, m1, m2, solo] = await Promise.all([
      newAccount("INSTRUCTOR", "e2e-cfilter-owner"),
      newAccount("LEARNER", "e2e-cfilter-m1"),
      newAccount("LEARNER", "e2e-cfilter-m2"),
      newAccount("LEARNER", "e2e-cfilter-solo"),
    ]);
    owner = o!;
    members = [m1!, m2!];
    alone = solo!;
    course = await buildCourse(owner.client, { title: `Cohort filter course ${RUN}`, lessons: 2 });
    for (const learner of [...members, alone]) await enrollIn(learner.client, course.courseId);
    // The learner outside the cohort finishes the course; the members have not started.
    for (const lessonId of course.lessonIds) {
      const done = await alone.client.post(`/api/my-courses/${course.courseId}/lessons/${lessonId}/complete`, { completed: true });
      expect(done.status, done.text).toBe(200);
    }
    const admin = await demoAdmin();
    const created = await admin.post("/api/admin/cohorts", { name: cohortName });
    expect(created.status, created.text).toBe(201);
    cohortId = created.json<{ cohort: { id: string } }>().cohort.id;
    expect((await admin.post(`/api/admin/cohorts/${cohortId}/members`, { userIds: members.map((m) => m.id) })).status).toBe(200);

    instructor = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    expect((await instructor.request.post("/api/auth/signin", { data: { email: owner.email, password: owner.password } })).status()).toBe(
      200,
    );
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  it("an instructor picks a cohort and the course's figures, learners and links count its members only", async () => {
    const page = await instructor.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/instructor/courses/${course.courseId}/analytics?range=7d`);
    await waitForHydration(page);
    expect(await stat(page, "Enrollments")).toBe("3");
    expect(await stat(page, "Completions")).toBe("1");
    expect(await page.getByText(/Showing members of/).count()).toBe(0);

    // With the keyboard: the labelled select, then Tab to Apply and Enter.
    const select = page.getByLabel("Cohort", { exact: true });
    await select.focus();
    await select.selectOption({ label: cohortName });
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Apply");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`cohortId=${cohortId}`));
    await waitForHydration(page);

    await page.getByText(`Showing members of ${cohortName} only.`).waitFor();
    expect(page.url()).toContain("range=7d");
    expect(await stat(page, "Enrollments")).toBe("2");
    expect(await stat(page, "Completions")).toBe("0");
    expect(await stat(page, "Completion rate")).toBe("0%");
    const table = page.getByRole("table", { name: "Learners" });
    for (const who of members) await table.getByText(who.email).waitFor();
    expect(await table.getByText(alone.email).count()).toBe(0);
    expect(await page.getByLabel("Cohort", { exact: true }).inputValue()).toBe(cohortId);
    // The range links, the learners' CSV and the search keep the filter.
    for (const range of ["7 days", "30 days", "All time"]) {
      expect(await page.getByRole("navigation", { name: "Date range" }).getByRole("link", { name: range }).getAttribute("href")).toContain(
        `cohortId=${cohortId}`,
      );
    }
    expect(await page.getByRole("link", { name: /Download CSV/ }).getAttribute("href")).toContain(`cohortId=${cohortId}`);
    expect(await page.locator('form[role="search"] input[name="cohortId"]').getAttribute("value")).toBe(cohortId);
    expect(await axeInBothSchemes(page, "course analytics filtered by a cohort")).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The gradebook keeps the filter, and its way back does too.
    await page.getByRole("link", { name: /^Gradebook/ }).click();
    await page.waitForURL(new RegExp(`/gradebook\\?cohortId=${cohortId}`));
    await waitForHydration(page);
    await page.getByText(`Showing members of ${cohortName} only.`).waitFor();
    expect(await axeInBothSchemes(page, "gradebook filtered by a cohort")).toEqual([]);
    await page.getByRole("link", { name: "Back to the course analytics" }).click();
    await page.waitForURL(new RegExp(`/analytics\\?cohortId=${cohortId}`));
    await page.goto(`/instructor/courses/${course.courseId}/analytics?range=7d&cohortId=${cohortId}`);
    await waitForHydration(page);

    await page.getByRole("link", { name: "Show every learner" }).click();
    await page.waitForURL((url) => !url.search.includes("cohortId"));
    await waitForHydration(page);
    expect(await stat(page, "Enrollments")).toBe("3");
    expect(await page.getByText(/Showing members of/).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("the instructor overview filters by the cohort too", async () => {
    const page = await instructor.newPage();
    await page.goto(`/instructor/analytics?range=7d&cohortId=${cohortId}`);
    await waitForHydration(page);
    await page.getByText(`Showing members of ${cohortName} only.`).waitFor();
    expect(await stat(page, "Enrollments")).toBe("2");
    expect(await page.getByRole("link", { name: `Cohort filter course ${RUN}` }).getAttribute("href")).toContain(`cohortId=${cohortId}`);
    expect(await axeInBothSchemes(page, "instructor overview filtered by a cohort")).toEqual([]);
  });

  it("the admin overview filters the platform figures and its CSV by any cohort", async () => {
    const admin = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    expect((await admin.request.post("/api/auth/signin", { data: { email: DEMO_ADMIN, password: DEMO_PASSWORD } })).status()).toBe(200);
    const page = await admin.newPage();
    await page.goto("/admin");
    await waitForHydration(page);
    await page.getByLabel("Cohort", { exact: true }).selectOption({ label: cohortName });
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(new RegExp(`cohortId=${cohortId}`));
    await page.getByText(`Showing members of ${cohortName} only.`).waitFor();
    expect(await page.getByRole("link", { name: /Download CSV/ }).getAttribute("href")).toContain(`cohortId=${cohortId}`);
    expect(await axeInBothSchemes(page, "admin overview filtered by a cohort")).toEqual([]);
    await admin.close();
  });
});
