import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuizResults } from "@/lib/quizzes/results-types";
import { newAccount, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import {
  axeInBothSchemes,
  elementsPastViewportOutsideScrollBoxes,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { signInContext } from "../helpers/browser-accounts";
import { enrollIn } from "../helpers/learning-fixtures";
import { attemptsPath, takeQuiz } from "../helpers/quiz-attempt-api";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * The quiz results page in Chromium, after learners' attempts made over the API: the instructor sees the figures, the
 * attempts, the score distribution drawn as a chart and as its table, grants one more attempt to a learner who used
 * their only one (who can then start again), and the page has no accessibility violations in light and dark, and fits
 * a 360 px screen.
 */

let browser: Browser;
let close: () => Promise<void>;
let owner: Account;
let passer: Account;
let failer: Account;
let course: QuizCourse;

const resultsUrl = () => `${baseUrl()}/instructor/courses/${course.courseId}/quizzes/${course.quizLessonId}`;
const resultsApi = () => `/api/instructor/courses/${course.courseId}/quizzes/${course.quizLessonId}/results`;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  [owner, passer, failer] = await Promise.all([
    newAccount("INSTRUCTOR", "qres-e2e-owner"),
    newAccount("LEARNER", "qres-e2e-passer"),
    newAccount("LEARNER", "qres-e2e-failer"),
  ]);
  course = await buildQuizCourse(owner.client, { title: "Quiz results in the browser", settings: { maxAttempts: 1 } });
  for (const learner of [passer, failer]) await enrollIn(learner.client, course.courseId);
  // 100 % and 40 % (the multiple and the short answer wrong, the numeric left blank).
  expect((await takeQuiz(passer.client, course)).attempt.passed).toBe(true);
  expect((await takeQuiz(failer.client, course, { multiple: "wrong", short_text: "wrong", numeric: "skip" })).attempt.score).toBe(40);
}, 180_000);

afterAll(async () => {
  await close?.();
});

async function openResults(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  await signInContext(context, owner);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(resultsUrl(), { waitUntil: "load" });
  await waitForHydration(page);
  return { page, errors };
}

describe("the quiz results page", () => {
  it("shows the attempts, the chart and its table, and grants one more attempt", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const { page, errors } = await openResults(context);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Results: Check your Python");

    // The summary: two learners, 70 % average of 100 and 40, one passed.
    const stat = (label: string) => page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
    await expect(stat("Learners").textContent()).resolves.toBe("2");
    await expect(stat("Average score").textContent()).resolves.toMatch(/^70(\.0)?\s?%$/);

    // The chart is drawn (recharts' svg with a bar per band that has learners) and named as an image.
    const chart = page.getByRole("figure", { name: "Score distribution" });
    await chart.locator("svg .recharts-bar-rectangle path").first().waitFor();
    expect(await chart.locator("svg .recharts-bar-rectangle path").count()).toBe(2);
    await expect(chart.locator("[role=img]").getAttribute("aria-label")).resolves.toMatch(/^Bar chart: how many of the 2 learners/);
    // Its table alternative holds the same numbers, behind "Show data as table".
    await chart.getByText("Show data as table").click();
    const bands = await chart
      .locator("table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
    expect(bands).toHaveLength(10);
    expect(bands.filter(([, n]) => n !== "0")).toEqual([
      ["40–49 %", "1"],
      ["90–100 %", "1"],
    ]);

    // Every attempt is listed, with its learner and score.
    const attempts = page.getByRole("table", { name: "Graded attempts" });
    await expect(attempts.getByRole("row").filter({ hasText: passer.name }).textContent()).resolves.toMatch(/100\s?%.*Passed/);
    await expect(attempts.getByRole("row").filter({ hasText: failer.name }).textContent()).resolves.toMatch(/40\s?%.*Not passed/);

    // The failer used their only attempt; the instructor grants one more, by keyboard, and the live line says so.
    expect((await failer.client.post(attemptsPath(course))).status).toBe(409);
    const grant = page.getByRole("button", { name: new RegExp(`^Grant one more attempt to ${failer.name}$`) });
    await grant.focus();
    const answered = page.waitForResponse((r) => r.url().endsWith("/extra-attempts") && r.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await answered).status()).toBe(200);
    await page
      .getByRole("status")
      .filter({ hasText: `Granted ${failer.name} one more attempt: 2 allowed now.` })
      .waitFor();
    const api = (await owner.client.get(resultsApi())).json<QuizResults>();
    expect(api.learners.find((l) => l.learnerId === failer.id)).toMatchObject({ extraAttempts: 1, attemptsAllowed: 2 });
    // And the learner can start again.
    expect((await failer.client.post(attemptsPath(course))).status).toBe(201);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("has no accessibility violations in light and dark", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const { page } = await openResults(context);
    await page.getByRole("figure", { name: "Score distribution" }).locator("svg").first().waitFor();
    expect(await axeInBothSchemes(page, "quiz results")).toEqual([]);
    // With the data table open too.
    await page.getByText("Show data as table").click();
    expect(await axeInBothSchemes(page, "quiz results, table open")).toEqual([]);
    await context.close();
  });

  it("fits a 360 px screen: no element past its edge, and no violations", async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
    });
    const { page } = await openResults(context);
    await page.getByRole("figure", { name: "Score distribution" }).locator("svg").first().waitFor();
    await page.getByText("Show data as table").click();
    // The page never scrolls sideways; a wide table scrolls inside its own box (a named, focusable region), so its cells
    // are left out of the measure, but every such box must fit.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);
    expect(await axeInBothSchemes(page, "quiz results at 360 px")).toEqual([]);
    await context.close();
  });
});
