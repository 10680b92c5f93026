import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueIp, type Account } from "../helpers/api-client";
import { demoAsset } from "../helpers/authoring";
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
import { takeQuiz } from "../helpers/quiz-attempt-api";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * Assignments in Chromium: a learner hands in text and a PDF (the upload's progress bar seen while the PUT is held),
 * the instructor finds it in the queue and grades it with feedback, the learner sees the grade and the lesson complete,
 * and the gradebook shows the quiz and the assignment scores, its CSV saying the same. The new pages have no
 * accessibility violations in light and dark, and fit a 360 px screen.
 */

let browser: Browser;
let close: () => Promise<void>;
let owner: Account;
let learner: Account;
let course: QuizCourse;
let assignmentLessonId: string;

const playerUrl = () => `${baseUrl()}/my-courses/${course.courseId}/lessons/${assignmentLessonId}`;

beforeAll(async () => {
  ({ browser, close } = await launchBrowser());
  [owner, learner] = await Promise.all([newAccount("INSTRUCTOR", "asg-e2e-owner"), newAccount("LEARNER", "asg-e2e-learner")]);
  course = await buildQuizCourse(owner.client, { title: "Assignments in the browser" });
  const lessons = `/api/instructor/courses/${course.courseId}/modules/${course.moduleId}/lessons`;
  const created = await owner.client.post(lessons, { title: "Essay on tides", kind: "assignment" });
  expect(created.status).toBe(201);
  assignmentLessonId = created.json<{ lesson: { id: string } }>().lesson.id;
  const settings = await owner.client.patch(`${lessons}/${assignmentLessonId}/assignment`, {
    instructions: "Explain **spring tides** in a paragraph, and attach your diagram as a PDF.",
    maxPoints: 10,
    passingPoints: 6,
    acceptedTypes: ["application/pdf"],
  });
  expect(settings.status).toBe(200);
  await enrollIn(learner.client, course.courseId);
  // The reading lesson and the quiz (100 %) first, over the API: the assignment is what is left.
  for (const lessonId of course.lessonIds) {
    expect((await learner.client.post(`/api/my-courses/${course.courseId}/lessons/${lessonId}/complete`, { completed: true })).status).toBe(
      200,
    );
  }
  expect((await takeQuiz(learner.client, course)).attempt.passed).toBe(true);
}, 180_000);

afterAll(async () => {
  await close?.();
});

async function open(context: BrowserContext, account: Account, url: string): Promise<{ page: Page; errors: string[] }> {
  await signInContext(context, account);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(url, { waitUntil: "load" });
  await waitForHydration(page);
  return { page, errors };
}

const newContext = (width = 1280) =>
  browser.newContext({ viewport: { width, height: 900 }, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

describe("an assignment in the browser", () => {
  it("is handed in with text and a PDF, graded from the queue, and shown graded to the learner with the lesson complete", async () => {
    const learnerContext = await newContext();
    const { page, errors } = await open(learnerContext, learner, playerUrl());
    await page.getByText("spring tides", { exact: false }).first().waitFor();
    expect(await axeInBothSchemes(page, "assignment in the player")).toEqual([]);

    await page.getByLabel("Your answer").fill("At new and full moon the sun and the moon pull **together**.");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/storage\/objects\//, async (route) => {
      if (route.request().method() === "PUT") await held;
      await route.continue();
    });
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "diagram.pdf", mimeType: "application/pdf", buffer: demoAsset("sample-handout.pdf") });
    const progress = page.getByRole("progressbar", { name: "Uploading diagram.pdf" });
    await progress.waitFor({ state: "visible" });
    release();
    await page.getByRole("list", { name: "Files to hand in" }).getByRole("button", { name: "Remove diagram.pdf" }).waitFor();
    await page.getByRole("button", { name: "Hand in" }).click();
    await page.getByRole("status").filter({ hasText: "Handed in" }).waitFor();
    await page.getByRole("heading", { name: "What was handed in" }).waitFor();
    // The times are in the reader's own zone, named.
    await expect(page.locator("time").first().textContent()).resolves.toMatch(/UTC|GMT/);
    await expect(
      page.getByRole("list", { name: "Files of version 1" }).getByRole("link", { name: "Download diagram.pdf" }).count(),
    ).resolves.toBe(1);
    expect(errors).toEqual([]);

    // The instructor: the queue, then the grading view, by keyboard.
    const ownerContext = await newContext();
    const queue = await open(ownerContext, owner, `${baseUrl()}/instructor/submissions`);
    expect(await axeInBothSchemes(queue.page, "submission queue")).toEqual([]);
    await queue.page.getByRole("link", { name: learner.name }).click();
    await queue.page.waitForURL(/\/submissions\/[0-9a-f-]{36}/);
    await waitForHydration(queue.page);
    await queue.page.getByText("At new and full moon").waitFor();
    expect(await axeInBothSchemes(queue.page, "grading view")).toEqual([]);
    await queue.page.getByLabel(/^Points/).fill("8");
    await queue.page.getByLabel(/^Feedback/).fill("Clear. Label the **sun** in the diagram.");
    await queue.page.getByRole("button", { name: "Save the grade" }).click();
    await queue.page.getByRole("status").filter({ hasText: "Graded 8 of 10: passed" }).waitFor();

    // The learner sees the grade, the feedback and the lesson complete.
    await page.reload({ waitUntil: "load" });
    await waitForHydration(page);
    await page.getByText("Graded: 8 of 10 points, passed.").waitFor();
    await page.getByText("Label the", { exact: false }).waitFor();
    const progressNow = await learner.client.get(`/api/my-courses/${course.courseId}`);
    expect(progressNow.json<{ enrollment: { progress: number } }>().enrollment.progress).toBe(100);
    expect(await axeInBothSchemes(page, "graded assignment in the player")).toEqual([]);

    // The gradebook: both scores, and the CSV says the same.
    const book = await open(ownerContext, owner, `${baseUrl()}/instructor/courses/${course.courseId}/gradebook`);
    // Progress, then the quiz (best %) and the assignment (points), in curriculum order.
    const row = book.page.getByRole("row", { name: new RegExp(learner.name) });
    expect((await row.getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual(["100 %", "100%", "8/10"]);
    expect(await axeInBothSchemes(book.page, "gradebook")).toEqual([]);
    const csv = await owner.client.get(`/api/instructor/courses/${course.courseId}/gradebook?format=csv`);
    const line = csv.text.split("\r\n").find((l) => l.includes(learner.email))!;
    expect(line.split(",").slice(2)).toEqual(["100", "100", "8"]);
    await Promise.all([learnerContext.close(), ownerContext.close()]);
  });

  it("fits a 360 px screen: the player's assignment, the queue, the grading view and the gradebook", async () => {
    const context = await newContext(360);
    await signInContext(context, owner);
    const page = await context.newPage();
    for (const path of ["/instructor/submissions", `/instructor/courses/${course.courseId}/gradebook`]) {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: "load" });
      await waitForHydration(page);
      expect(await elementsPastViewportOutsideScrollBoxes(page), path).toEqual([]);
      expect(await axeInBothSchemes(page, `${path} at 360 px`)).toEqual([]);
    }
    await page.goto(`${baseUrl()}/instructor/submissions`, { waitUntil: "load" });
    await page.getByRole("link", { name: learner.name }).click();
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}/);
    await waitForHydration(page);
    expect(await elementsPastViewportOutsideScrollBoxes(page), "grading view").toEqual([]);
    await context.close();

    const learnerContext = await newContext(360);
    const { page: player } = await open(learnerContext, learner, playerUrl());
    expect(await elementsPastViewportOutsideScrollBoxes(player), "player").toEqual([]);
    expect(await axeInBothSchemes(player, "assignment in the player at 360 px")).toEqual([]);
    await learnerContext.close();
  });
});
