import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueEmail, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeInBothSchemes, launchBrowser, waitForHydration } from "../helpers/browser";
import { signInContext, signUpInContext } from "../helpers/browser-accounts";
import { buildCourse, type BuiltCourse } from "../helpers/learning-fixtures";
import { openPage, playerUrl } from "../helpers/learner-pages";

/**
 * A learner finds their way in Chromium: the Dashboard link, the dashboard's "continue where you stopped", My courses
 * filtered in its URL by keyboard, and the buttons as they change along the way (Start → Continue → Completed / Mark
 * as not complete); a user who left onboarding half-way opens a lesson and comes back to it after onboarding. No axe
 * violations on any of these pages, light or dark. The courses are made for the run and deleted afterwards.
 */

const WORD = `Quill${Math.floor(Math.random() * 1e6)}`;
const LONG = `${WORD} calligraphy`;
const SHORT = `${WORD} inks`;

describe("learner navigation in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  let long: Required<BuiltCourse>;
  let short: BuiltCourse;
  let slugs: Record<string, string>;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "nav-author");
    long = (await buildCourse(instructor.client, { title: LONG, lessons: 3, media: true })) as Required<BuiltCourse>;
    short = await buildCourse(instructor.client, { title: SHORT, lessons: 1 });
    slugs = {};
    for (const c of [long, short]) {
      slugs[c.courseId] = (await instructor.client.get(`/api/courses/${c.courseId}`)).json<{ course: { slug: string } }>().course.slug;
    }
  }, 120_000);

  afterAll(async () => {
    for (const c of [long, short]) if (c) await instructor.client.request("DELETE", `/api/instructor/courses/${c.courseId}`);
    await close?.();
  });

  const newContext = () => browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const post = async (context: BrowserContext, path: string, data?: unknown) => {
    const answer = await context.request.post(`${baseUrl()}${path}`, { data, headers: { origin: baseUrl() } });
    expect(answer.status(), path).toBeLessThan(300);
  };
  const goTo = async (page: Page, path: string) => {
    await page.goto(`${baseUrl()}${path}`, { waitUntil: "load" });
    await waitForHydration(page);
  };

  it("shows Start, then where the learner stopped with Continue, then Completed and Mark as not complete", async () => {
    const context = await newContext();
    await signUpInContext(context, { name: "Nadia Nav", email: uniqueEmail("nav"), password: "a long enough passphrase", role: "LEARNER" });
    await post(context, `/api/courses/${long.courseId}/enroll`);
    await post(context, `/api/courses/${short.courseId}/enroll`);
    await post(context, `/api/my-courses/${short.courseId}/lessons/${short.lessonIds[0]}/complete`, { completed: true });

    // The dashboard, from the header's Dashboard link: nothing opened in the long course yet, so it says Start.
    const { page, errors } = await openPage(context, "/courses");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await waitForHydration(page);
    await expect(page.getByRole("region", { name: "Continue where you stopped" }).count()).resolves.toBe(0);
    const inProgress = page.getByRole("list", { name: "Courses in progress" });
    await expect(inProgress.getByRole("link", { name: `Start ${LONG}` }).getAttribute("href")).resolves.toBe(
      playerUrl(long.courseId, long.lessonIds[0]!),
    );
    expect(await axeInBothSchemes(page, "dashboard before starting")).toEqual([]);

    // My courses: every course, filtered in the URL by keyboard; the list says what it shows.
    await page.getByRole("link", { name: /^All my courses/ }).click();
    await page.waitForURL((url) => url.pathname === "/my-courses");
    await waitForHydration(page);
    const filters = page.getByRole("navigation", { name: "Filter my courses" });
    const status = page.getByRole("status").filter({ hasText: /courses? / });
    const cards = page.getByRole("heading", { level: 2 });
    await expect(filters.getByRole("link", { name: "All (2)" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(cards.allTextContents()).resolves.toEqual(expect.arrayContaining([LONG, SHORT]));
    await expect(page.getByRole("link", { name: `Review ${SHORT}` }).count()).resolves.toBe(1);
    expect(await axeInBothSchemes(page, "my courses, all")).toEqual([]);
    for (const [name, query, title, text] of [
      ["In progress (1)", "in-progress", LONG, "1 course in progress."],
      ["Completed (1)", "completed", SHORT, "1 course completed."],
    ] as const) {
      await filters.getByRole("link", { name }).focus();
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.searchParams.get("show") === query);
      await status.filter({ hasText: text }).waitFor();
      await expect(filters.getByRole("link", { name }).getAttribute("aria-current")).resolves.toBe("page");
      await expect(filters.locator('[aria-current="page"]').count()).resolves.toBe(1);
      await expect(cards.allTextContents()).resolves.toEqual([title]);
      expect(await axeInBothSchemes(page, `my courses, ${query}`)).toEqual([]);
    }

    // Start the long course from the in-progress filter: its first lesson, which carries a handout (marked in the
    // curriculum with a text alternative) and is not done.
    await filters.getByRole("link", { name: "In progress (1)" }).click();
    await page.waitForURL((url) => url.searchParams.get("show") === "in-progress");
    await page.getByRole("link", { name: `Start ${LONG}` }).click();
    await page.waitForURL((url) => url.pathname === playerUrl(long.courseId, long.lessonIds[0]!));
    await waitForHydration(page);
    const curriculum = page.getByRole("navigation", { name: "Curriculum" });
    await expect(curriculum.getByRole("link", { name: /^Lesson 1 .*handouts/ }).count()).resolves.toBe(1);
    await expect(curriculum.getByRole("img", { name: "handouts" }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Mark complete", exact: true }).waitFor();
    // The player records the visit once the lesson is on screen.
    const visit = page.waitForResponse((r) => r.url().endsWith(`/lessons/${long.lessonIds[1]}/opened`) && r.status() === 200);
    await page.getByRole("link", { name: /^Next/ }).click();
    await page.waitForURL((url) => url.pathname === playerUrl(long.courseId, long.lessonIds[1]!));
    await page.getByRole("heading", { level: 1, name: "Lesson 2" }).waitFor();
    await visit;

    // Where the learner stopped: the dashboard's first card, the course page and My courses all say Continue, at lesson 2.
    await goTo(page, "/dashboard");
    const resume = page.getByRole("region", { name: "Continue where you stopped" });
    await expect(resume.getByText("Lesson 2 of 3: Lesson 2").count()).resolves.toBe(1);
    const cont = resume.getByRole("link", { name: `Continue ${LONG}` });
    await expect(cont.getAttribute("href")).resolves.toBe(playerUrl(long.courseId, long.lessonIds[1]!));
    await expect(page.getByText("No other course is in progress.").count()).resolves.toBe(1);
    expect(await axeInBothSchemes(page, "dashboard, continue where you stopped")).toEqual([]);
    await goTo(page, `/courses/${slugs[long.courseId]}`);
    await expect(page.getByRole("link", { name: "Continue", exact: true }).getAttribute("href")).resolves.toBe(
      playerUrl(long.courseId, long.lessonIds[1]!),
    );
    await expect(page.getByRole("link", { name: "Start", exact: true }).count()).resolves.toBe(0);
    await goTo(page, "/my-courses");
    await expect(page.getByRole("link", { name: `Continue ${LONG}` }).getAttribute("href")).resolves.toBe(
      playerUrl(long.courseId, long.lessonIds[1]!),
    );

    // Continue, and mark the lesson complete: it says Completed, and the button offers to undo it; undo puts it back.
    await goTo(page, "/dashboard");
    await page
      .getByRole("region", { name: "Continue where you stopped" })
      .getByRole("link", { name: `Continue ${LONG}` })
      .click();
    await page.waitForURL((url) => url.pathname === playerUrl(long.courseId, long.lessonIds[1]!));
    await waitForHydration(page);
    const markComplete = page.getByRole("button", { name: "Mark complete", exact: true });
    const markNotComplete = page.getByRole("button", { name: "Mark as not complete" });
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/complete") && r.status() === 200), markComplete.click()]);
    await markNotComplete.waitFor();
    await expect(page.getByText("Completed", { exact: true }).count()).resolves.toBe(1);
    await expect(markComplete.count()).resolves.toBe(0);
    // The focus stays on the button, now "Mark as not complete".
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe("Mark as not complete");
    expect(await axeInBothSchemes(page, "player, lesson completed")).toEqual([]);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/complete") && r.status() === 200), markNotComplete.click()]);
    await markComplete.waitFor();
    await expect(page.getByText("Completed", { exact: true }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("brings a user who left onboarding half-way back to the lesson they opened", async () => {
    // Signed up and confirmed, but never onboarded: enrolling works; the lesson sends them to onboarding first.
    const halfway = await newAccount(null, "halfway");
    const context = await newContext();
    await signInContext(context, halfway);
    await post(context, `/api/courses/${long.courseId}/enroll`);
    const lesson = playerUrl(long.courseId, long.lessonIds[2]!);
    const { page, errors } = await openPage(context, lesson);
    expect(new URL(page.url()).pathname).toBe("/onboarding");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(lesson);
    expect(await axeInBothSchemes(page, "onboarding")).toEqual([]);
    const form = page.getByRole("form", { name: "Set up your account" });
    await form.getByLabel("Name").fill("Hal Fway");
    await form.getByRole("radio", { name: "I want to learn" }).check();
    await form.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === lesson, { timeout: 60_000 });
    await page.getByRole("heading", { level: 1, name: "Lesson 3" }).waitFor();
    // Onboarded now: /onboarding itself sends them on to where they were going, or to the dashboard.
    await goTo(page, `/onboarding?callbackUrl=${encodeURIComponent(`/courses/${slugs[long.courseId]}`)}`);
    expect(new URL(page.url()).pathname).toBe(`/courses/${slugs[long.courseId]}`);
    // …also when the place comes wrapped in onboarding's own URL (a sign-in that started from onboarding).
    const wrapped = `/onboarding?callbackUrl=${encodeURIComponent(`/courses/${slugs[long.courseId]}`)}`;
    await goTo(page, `/onboarding?callbackUrl=${encodeURIComponent(wrapped)}`);
    expect(new URL(page.url()).pathname).toBe(`/courses/${slugs[long.courseId]}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
