import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueEmail, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeInBothSchemes, elementsPastViewport, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";
import { signInContext, signUpInContext } from "../helpers/browser-accounts";
import { openLesson } from "../helpers/learner-pages";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * Taking a quiz in the learner's player, in Chromium, with the keyboard alone: the fixture quiz (one question of each
 * type, pass at 70 %; tests/helpers/quiz-fixtures.ts) failed one question per screen, resumed after a reload, retried on
 * one page, passed; the lesson completes and the course's progress moves. axe on the question screen, the review and
 * the result in light and dark, and the same screens at 360 px with nothing past the screen's edge. The editors' preview
 * shows the questions and sends nothing.
 */

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus: the keyboard's way there, the locator only checks. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target.toString()}`);
}

async function press(page: Page, target: Locator, key = "Enter") {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

const progressOf = (page: Page) =>
  page
    .getByRole("progressbar", { name: /^Progress in/ })
    .getAttribute("aria-valuenow")
    .then((v) => Number(v));

describe("taking a quiz in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  let course: QuizCourse;

  async function learnerContext(options: Parameters<Browser["newContext"]>[0] = {}) {
    const context = await browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signUpInContext(context, {
      name: "Quinn Quiz",
      email: uniqueEmail("quiz-e2e"),
      password: "a long enough passphrase",
      role: "LEARNER",
    });
    const enrolled = await context.request.post(`${baseUrl()}/api/courses/${course.courseId}/enroll`, { headers: { origin: baseUrl() } });
    expect(enrolled.status()).toBe(201);
    return context;
  }

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "quiz-e2e-author");
    course = await buildQuizCourse(instructor.client, { title: "Python basics, checked" });
  }, 120_000);
  afterAll(async () => close?.());

  it("is taken by keyboard alone: failed one question per screen, resumed, retried on one page, passed", { timeout: 240_000 }, async () => {
    const context = await learnerContext();
    await context.addInitScript(() => window.localStorage.setItem("budhhub.quiz-layout", "one"));
    let { page, errors } = await openLesson(context, course.courseId, course.quizLessonId);

    // The quiz lesson: its intro, no Mark complete, the sidebar says it is a quiz.
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your Python");
    expect(await page.getByText("Five questions on the basics.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Mark complete" }).count()).toBe(0);
    const sidebarQuiz = () => page.getByRole("navigation", { name: "Curriculum" }).getByRole("link", { name: /Check your Python/ });
    await expect(sidebarQuiz().textContent()).resolves.toContain("(quiz)");
    expect(await progressOf(page)).toBe(0);

    // Attempt 1, one question per screen: 2 of 5 right (single and true/false), the number left blank.
    await press(page, page.getByRole("button", { name: "Start the quiz" }));
    const heading = page.getByRole("heading", { name: /^Question 1 of 5/ });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    expect(await page.getByText("Answered 0 of 5").count()).toBe(1);
    expect(await axeInBothSchemes(page, "question screen")).toEqual([]);

    await press(page, page.getByRole("radio", { name: "def" }), "Space");
    await page.getByText("Saved", { exact: true }).waitFor();
    await page.getByText("Answered 1 of 5").waitFor();

    // A reload resumes the attempt with its saved answer.
    await page.close();
    ({ page, errors } = await openLesson(context, course.courseId, course.quizLessonId));
    await press(page, page.getByRole("button", { name: "Resume attempt 1" }));
    await page.getByRole("heading", { name: /^Question 1 of 5/ }).waitFor();
    expect(await page.getByRole("radio", { name: "def" }).isChecked()).toBe(true);
    await page.getByText("Answered 1 of 5").waitFor();

    await press(page, page.getByRole("button", { name: "Next question" }));
    await page.getByRole("heading", { name: /^Question 2 of 5/ }).waitFor();
    expect(await isFocused(page.getByRole("heading", { name: /^Question 2 of 5/ }))).toBe(true);
    await press(page, page.getByRole("checkbox", { name: "list" }), "Space");
    await press(page, page.getByRole("checkbox", { name: "array" }), "Space");
    await press(page, page.getByRole("button", { name: "Next question" }));
    await page.getByRole("heading", { name: /^Question 3 of 5/ }).waitFor();
    await press(page, page.getByRole("radio", { name: "True" }), "Space");
    await press(page, page.getByRole("button", { name: "Next question" }));
    await page.getByRole("heading", { name: /^Question 4 of 5/ }).waitFor();
    await tabTo(page, page.getByRole("textbox", { name: "Your answer" }));
    await page.keyboard.type("size");
    await press(page, page.getByRole("button", { name: "Next question" }));
    await page.getByRole("heading", { name: /^Question 5 of 5/ }).waitFor();
    await page.getByText("Answered 4 of 5").waitFor();
    await press(page, page.getByRole("button", { name: "Review answers" }));

    const review = page.getByRole("heading", { name: "Review your answers" });
    await review.waitFor();
    expect(await isFocused(review)).toBe(true);
    expect(await page.getByText("1 of 5 questions not answered: 5.", { exact: false }).count()).toBe(1);
    expect(await axeInBothSchemes(page, "review")).toEqual([]);
    await press(page, page.getByRole("button", { name: "Submit answers" }));

    const failed = page.getByRole("heading", { name: "Attempt 1: 40 %" });
    await failed.waitFor();
    expect(await isFocused(failed)).toBe(true);
    expect(await page.getByText("Not passed", { exact: true }).count()).toBe(1);
    // Answers are shown after submit: the right answer and the explanation of the number question.
    expect(await page.getByText("Division in Python 3 gives a float.").count()).toBe(1);
    expect(await page.getByText("Not answered").count()).toBe(1);
    expect(await progressOf(page)).toBe(0);
    expect(await axeInBothSchemes(page, "result (failed)")).toEqual([]);

    // Attempt 2, every question on one page (chosen with the arrow keys, and remembered): all right.
    await press(page, page.getByRole("button", { name: "Try again" }));
    await page.getByRole("heading", { name: /^Question 1 of 5/ }).waitFor();
    await tabTo(page, page.getByRole("radio", { name: "One question at a time" }), { back: true });
    await page.keyboard.press("ArrowDown");
    await page.getByRole("heading", { name: "Question 5", exact: false }).first().waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem("budhhub.quiz-layout"))).toBe("all");
    expect(await page.getByRole("heading", { name: /^Question \d/ }).count()).toBe(5);
    expect(await axeInBothSchemes(page, "all questions on one page")).toEqual([]);

    await press(page, page.getByRole("radio", { name: "def" }), "Space");
    await press(page, page.getByRole("checkbox", { name: "list" }), "Space");
    await press(page, page.getByRole("checkbox", { name: "dict" }), "Space");
    await press(page, page.getByRole("radio", { name: "True" }), "Space");
    await tabTo(page, page.getByRole("textbox", { name: "Your answer", exact: true }));
    await page.keyboard.type(" LEN ");
    await tabTo(page, page.getByRole("textbox", { name: "Your answer (a number)" }));
    await page.keyboard.type("3,5");
    await page.getByText("Answered 5 of 5").waitFor();
    await press(page, page.getByRole("button", { name: "Review answers" }));
    await page.getByText("You have answered all 5 questions.").waitFor();
    await press(page, page.getByRole("button", { name: "Submit answers" }));

    await page.getByRole("heading", { name: "Attempt 2: 100 %" }).waitFor();
    expect(await page.getByText("Passed", { exact: true }).count()).toBe(1);
    // The lesson is complete and the course's progress moved, without a reload: one lesson of two.
    await expect(sidebarQuiz().textContent()).resolves.toContain("(completed)");
    expect(await progressOf(page)).toBe(50);
    expect(await page.getByRole("button", { name: "Mark complete" }).count()).toBe(0);
    expect(await axeInBothSchemes(page, "result (passed)")).toEqual([]);

    // The intro lists both attempts; after a reload the progress is the server's.
    await press(page, page.getByRole("button", { name: "Back to the quiz" }));
    await page.getByText("Passed: this lesson is complete.").waitFor();
    await page.reload({ waitUntil: "load" });
    await waitForHydration(page);
    expect(await progressOf(page)).toBe(50);
    expect(await page.getByRole("table", { name: "Your attempts" }).getByRole("row").count()).toBe(3);
    // An earlier attempt's feedback opens again from the list.
    await press(page, page.getByRole("button", { name: "Feedback on attempt 1" }));
    await page.getByRole("heading", { name: "Attempt 1: 40 %" }).waitFor();
    expect(await isFocused(page.getByRole("heading", { name: "Attempt 1: 40 %" }))).toBe(true);
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fits a 360 px screen with no violations: question, one page, review, result", { timeout: 180_000 }, async () => {
    const context = await learnerContext({ viewport: { width: 360, height: 800 } });
    await context.addInitScript(() => window.localStorage.setItem("budhhub.quiz-layout", "one"));
    const { page, errors } = await openLesson(context, course.courseId, course.quizLessonId);
    const check = async (where: string) => {
      expect(await elementsPastViewport(page), where).toEqual([]);
      expect(await axeInBothSchemes(page, `${where} at 360 px`)).toEqual([]);
    };
    await check("intro");
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.getByRole("heading", { name: /^Question 1 of 5/ }).waitFor();
    await check("question screen");
    await page.getByRole("radio", { name: "All questions on one page" }).check();
    await page.getByRole("heading", { name: /^Question 5/ }).waitFor();
    await check("all questions");
    await page.getByRole("button", { name: "Review answers" }).click();
    await page.getByRole("heading", { name: "Review your answers" }).waitFor();
    await check("review");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await page.getByRole("heading", { name: "Attempt 1: 0 %" }).waitFor();
    await check("result");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("counts down a timed quiz, says 5 and 1 minutes left to screen readers, and submits at zero", { timeout: 180_000 }, async () => {
    const timed = await buildQuizCourse(instructor.client, { title: "Python basics, timed", settings: { timeLimitMinutes: 6 } });
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signUpInContext(context, {
      name: "Tim Timed",
      email: uniqueEmail("quiz-timed"),
      password: "a long enough passphrase",
      role: "LEARNER",
    });
    const enrolled = await context.request.post(`${baseUrl()}/api/courses/${timed.courseId}/enroll`, { headers: { origin: baseUrl() } });
    expect(enrolled.status()).toBe(201);
    const page = await context.newPage();
    // The page's clock only: the server's deadline stays six real minutes away, so the submit at zero is an early one.
    await page.clock.install();
    const errors = watchPageErrors(page);
    await page.goto(`${baseUrl()}/my-courses/${timed.courseId}/lessons/${timed.quizLessonId}`, { waitUntil: "load" });
    await waitForHydration(page);
    expect(await page.getByText("6 minutes", { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: "Start the quiz" }).click();
    const timer = page.getByRole("timer");
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^Time left: (6:00|5:5\d)$/);
    const live = page.locator('[aria-live="polite"]', { hasText: /minutes? left|Time is up/ });
    expect(await live.count()).toBe(0);

    await page.clock.runFor("01:02");
    await live.filter({ hasText: "5 minutes left" }).waitFor({ state: "attached" });
    expect(await timer.textContent()).toMatch(/^Time left: 4:5\d$/);
    await page.getByRole("radio", { name: "def" }).check();
    await page.getByText("Saved", { exact: true }).waitFor();

    await page.clock.runFor("04:00");
    await live.filter({ hasText: "1 minute left" }).waitFor({ state: "attached" });
    await page.clock.runFor("01:00");
    await page.getByRole("heading", { name: "Attempt 1: 20 %" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the course's editor the questions in the preview, and sends nothing", { timeout: 120_000 }, async () => {
    const context: BrowserContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signInContext(context, instructor);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/attempts")) sent.push(`${request.method()} ${request.url()}`);
    });
    const resultsUrl = `/api/instructor/courses/${course.courseId}/quizzes/${course.quizLessonId}/results`;
    const resultsBefore = await instructor.client.get(resultsUrl);
    expect(resultsBefore.status).toBe(200);
    await page.goto(`${baseUrl()}/instructor/courses/${course.courseId}/preview/lessons/${course.quizLessonId}`, { waitUntil: "load" });
    await waitForHydration(page);
    expect(await page.getByRole("button", { name: "Mark complete" }).count()).toBe(0);
    await page.getByRole("button", { name: "Start the quiz" }).click();
    await page.getByRole("heading", { name: /^Question 1 of 5/ }).waitFor();
    expect(await page.getByRole("radio", { name: "def" }).count()).toBe(1);
    await page.getByRole("radio", { name: "func" }).check();
    await page.getByText("Answered 1 of 5").waitFor();
    expect(await page.getByText("Saved", { exact: true }).count()).toBe(0);
    const html = await page.content();
    expect(html).not.toContain("acceptedAnswers");
    expect(html).not.toMatch(/"correct"/);
    for (let i = 0; i < 5; i++) await page.getByRole("button", { name: /^(Next question|Review answers)$/ }).click();
    await page.getByText("Preview: nothing is graded or recorded.").waitFor();
    expect(await page.getByRole("button", { name: "Submit answers" }).count()).toBe(0);
    expect(await axeInBothSchemes(page, "preview review")).toEqual([]);
    expect(sent).toEqual([]);
    expect((await instructor.client.get(resultsUrl)).text, "the preview recorded no attempt").toBe(resultsBefore.text);
    expect(errors).toEqual([]);
    await context.close();
  });
});
