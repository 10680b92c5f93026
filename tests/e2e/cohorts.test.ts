import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
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
 * An admin makes a cohort in /admin/cohorts, adds two learners found by e-mail, and enrolls the cohort in a course from
 * the cohort's page; the course's analytics, filtered by that cohort, list those two and not a learner who enrolled
 * alone. 0 axe violations in light and dark on the new pages, and at 360 px nothing past the screen outside a scroll box.
 */

const ADMIN = { email: "admin@budhhub.test", password: "budhhub-demo" };
const address = () => `10.79.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const RUN = randomBytes(4).toString("hex");

describe("cohorts in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let admin: BrowserContext;
  let course: BuiltCourse;
  let members: Account[];
  let alone: Account;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    admin = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    expect((await admin.request.post("/api/auth/signin", { data: ADMIN })).status()).toBe(200);
    const [owner, m1, m2, solo] = await Promise.all([
      newAccount("INSTRUCTOR", "e2e-cohort-owner"),
      newAccount("LEARNER", "e2e-cohort-m1"),
      newAccount("LEARNER", "e2e-cohort-m2"),
      newAccount("LEARNER", "e2e-cohort-solo"),
    ]);
    members = [m1!, m2!];
    alone = solo!;
    course = await buildCourse(owner!.client, { title: `Cohort course ${RUN}`, lessons: 1 });
    await enrollIn(alone.client, course.courseId);
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  async function fits(page: Page, label: string) {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await waitForHydration(page);
    expect(await elementsPastViewportOutsideScrollBoxes(page), label).toEqual([]);
    expect(await axeInBothSchemes(page, `${label} at 360 px`)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it("an admin creates a cohort, adds members, enrolls it in a course, and the analytics filter by it", async () => {
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Cohorts", exact: true }).click();
    await page.waitForURL(/\/admin\/cohorts$/);
    await waitForHydration(page);

    const name = `Class ${RUN}`;
    await page.getByRole("textbox", { name: "New cohort" }).fill(name);
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText(`${name} created.`).waitFor();
    await page.getByRole("link", { name }).waitFor();
    expect(await axeInBothSchemes(page, "cohorts")).toEqual([]);
    await fits(page, "cohorts");

    await page.getByRole("link", { name }).click();
    await page.waitForURL(/\/admin\/cohorts\/[0-9a-f-]+$/);
    await waitForHydration(page);
    for (const member of members) {
      await page.getByLabel("Find people by name or e-mail").fill(member.email);
      await page.getByRole("button", { name: "Find" }).click();
      await page.getByRole("button", { name: `Add ${member.email}` }).click();
      await page.getByText(`${member.email} added`).first().waitFor();
      await page.getByRole("row", { name: new RegExp(member.email.replace(/[.+]/g, "\\$&")) }).waitFor();
    }
    await page.getByText("2 members, page 1 of 1").waitFor();

    await page.getByLabel("Course", { exact: true }).selectOption(course.courseId);
    await page.getByRole("button", { name: "Enroll cohort" }).click();
    await page.getByText(`Enrolled in Cohort course ${RUN}: 2 new, 0 already enrolled.`).waitFor();
    await page.getByRole("link", { name: `Cohort course ${RUN}` }).waitFor();
    expect(await axeInBothSchemes(page, "a cohort")).toEqual([]);
    await fits(page, "a cohort");

    // The course's analytics, every learner and then the cohort only.
    await page.goto(`/instructor/courses/${course.courseId}/analytics`);
    await waitForHydration(page);
    const table = page.getByRole("table", { name: "Learners" });
    for (const who of [...members, alone]) await table.getByText(who.email).waitFor();
    await page.getByLabel("Cohort", { exact: true }).selectOption({ label: name });
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/cohortId=/);
    await page.getByText(`Showing members of ${name} only`).waitFor();
    for (const who of members) await table.getByText(who.email).waitFor();
    expect(await table.getByText(alone.email).count()).toBe(0);
    const csvHref = await page
      .getByRole("link", { name: /Download CSV/ })
      .last()
      .getAttribute("href");
    expect(csvHref).toContain("cohortId=");
    const csv = await (await admin.request.get(csvHref!)).text();
    for (const who of members) expect(csv).toContain(who.email);
    expect(csv).not.toContain(alone.email);
    expect(await axeInBothSchemes(page, "analytics filtered by a cohort")).toEqual([]);

    // The course's enrollments page: unenrolling asks first, and says what goes with the enrollment.
    await page.goto(`/instructor/courses/${course.courseId}/enrollments`);
    await waitForHydration(page);
    await page.getByText("3 enrolled, page 1 of 1.").waitFor();
    expect(await axeInBothSchemes(page, "enrollments")).toEqual([]);
    await fits(page, "enrollments");
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("button", { name: `Unenroll ${alone.email}` }).click();
    await page.getByText(`${alone.email} unenrolled.`).waitFor();
    expect(asked).toContain("quiz attempts and assignment submissions");
    await page.getByText("2 enrolled, page 1 of 1.").waitFor();
    expect(errors).toEqual([]);
  });
});
