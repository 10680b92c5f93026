import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
import { buildAssignmentCourse, handIn, type AssignmentCourse } from "../helpers/assignment-api";
import { baseUrl } from "../helpers/base-url";
import {
  axeInBothSchemes,
  elementsPastViewportOutsideScrollBoxes,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { enrollIn } from "../helpers/learning-fixtures";

/**
 * A learner's bell: it counts their unread notifications and rises, without a reload, when the instructor grades their
 * assignment; the notification opens the graded assignment and is read from then on. The notifications and preferences
 * pages have 0 axe violations in light and dark and fit a 360 px screen.
 */

const RUN = randomBytes(3).toString("hex");
const address = () => `10.83.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("notifications in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let owner: Account;
  let learner: Account;
  let course: AssignmentCourse;
  let submissionId = "";
  let context: BrowserContext;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    [owner, learner] = await Promise.all([newAccount("INSTRUCTOR", "e2e-bell-owner"), newAccount("LEARNER", "e2e-bell-learner")]);
    course = await buildAssignmentCourse(owner.client, { title: `Tides ${RUN}`, settings: { acceptText: true } });
    await enrollIn(learner.client, course.courseId);
    submissionId = await handIn(learner.client, course, { text: "Tides rise twice a day." });
    context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    expect((await context.request.post("/api/auth/signin", { data: { email: learner.email, password: learner.password } })).status()).toBe(
      200,
    );
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  it("counts up when the assignment is graded, opens the grade, and reads it", async () => {
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/my-courses");
    await waitForHydration(page);
    // Enrolling told the learner so.
    await page.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();

    const graded = await owner.client.post(`/api/instructor/courses/${course.courseId}/submissions/${submissionId}/grade`, {
      points: 8,
      feedback: "Well argued, with **sources**.",
      returnForRevision: false,
    });
    expect(graded.status).toBe(200);
    // No reload: the bell asks again within its 30-second poll.
    await page.getByRole("link", { name: "Notifications, 2 unread" }).waitFor({ timeout: 45_000 });

    await page.getByRole("link", { name: "Notifications, 2 unread" }).click();
    await page.waitForURL(/\/notifications$/);
    await waitForHydration(page);
    const list = page.getByRole("list", { name: "Notifications" });
    await list.getByRole("link", { name: "Graded: Essay" }).waitFor();
    expect(await list.getByText("8 of 10 points: passed.").count()).toBe(1);
    expect(await axeInBothSchemes(page, "/notifications")).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    await list.getByRole("link", { name: "Graded: Essay" }).click();
    await page.waitForURL((url) => url.pathname === `/my-courses/${course.courseId}/lessons/${course.assignmentLessonId}`);
    await page.getByText("Well argued, with").waitFor();
    await page.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();

    await page.goto("/notifications?unread=1");
    await page.getByRole("link", { name: "Unread (1)" }).waitFor();
    expect(await page.getByRole("list", { name: "Notifications" }).getByRole("link", { name: "Graded: Essay" }).count()).toBe(0);
    await page.getByRole("button", { name: "Mark all read" }).click();
    await page.getByText("Nothing unread.").waitFor();
    await page.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it("keeps the learner's preferences, with no accessibility violations", async () => {
    const page = await context.newPage();
    await page.goto("/profile/notifications");
    await waitForHydration(page);
    const box = page.getByRole("checkbox", { name: "You are enrolled in a course: in the app" });
    expect(await box.isChecked()).toBe(true);
    expect(await axeInBothSchemes(page, "/profile/notifications")).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);
    await box.uncheck();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByText("Notification preferences saved.").waitFor();
    await page.reload();
    await waitForHydration(page);
    expect(await page.getByRole("checkbox", { name: "You are enrolled in a course: in the app" }).isChecked()).toBe(false);
  });
});
