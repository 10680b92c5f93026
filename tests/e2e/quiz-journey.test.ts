import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuizResults } from "@/lib/quizzes/results-types";
import { newAccount, uniqueEmail, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeInBothSchemes, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";
import { signInContext, signUpInContext } from "../helpers/browser-accounts";
import { openLesson } from "../helpers/learner-pages";

/**
 * The quiz from end to end, in Chromium, through the pages only: an instructor creates a course with a lesson and a
 * quiz, writes one question of each type in the quiz editor and publishes; a learner takes the quiz with the keyboard
 * alone, fails, tries again, passes, and sees the lesson complete and the course's progress move; the instructor opens
 * the quiz's results from the course analytics and finds both attempts and the score chart.
 */

const LEARNER_NAME = "Jules Journey";

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has the focus (the keyboard's way there; the locator only checks), then `key`. */
async function press(page: Page, target: Locator, key = "Enter") {
  for (let i = 0; i < 60 && !(await isFocused(target)); i++) await page.keyboard.press("Tab");
  expect(await isFocused(target), `Tab reaches ${target.toString()}`).toBe(true);
  await page.keyboard.press(key);
}

/** Tabs to a text field and types into it. */
async function typeInto(page: Page, field: Locator, text: string) {
  for (let i = 0; i < 60 && !(await isFocused(field)); i++) await page.keyboard.press("Tab");
  expect(await isFocused(field), `Tab reaches ${field.toString()}`).toBe(true);
  await page.keyboard.type(text);
}

const progressOf = (page: Page) =>
  page
    .getByRole("progressbar", { name: /^Progress in/ })
    .getAttribute("aria-valuenow")
    .then(Number);

describe("a quiz from the editor to the results", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  let teacher: BrowserContext;
  let learner: BrowserContext;
  let courseId = "";
  let quizLessonId = "";

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "journey-teacher");
    teacher = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signInContext(teacher, instructor);
  }, 120_000);

  afterAll(async () => {
    if (courseId) await instructor.client.request("DELETE", `/api/instructor/courses/${courseId}`);
    await close?.();
  });

  it("the instructor builds a quiz of every question type in the editor and publishes the course", { timeout: 180_000 }, async () => {
    const page = await teacher.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/instructor/courses/new");
    await waitForHydration(page);
    const details = page.getByRole("form", { name: "Course details" });
    await details.getByLabel("Title").fill("Planets and numbers");
    await details.getByLabel("Description").fill("A short course about the solar system, checked by a quiz at the end.");
    await details.getByRole("button", { name: "Create course" }).click();
    await page.waitForURL(/\/instructor\/courses\/[0-9a-f-]{36}$/);
    await waitForHydration(page);
    courseId = new URL(page.url()).pathname.split("/").at(-1)!;

    await page.getByLabel("New module title").fill("Week 1");
    await page.getByRole("button", { name: "Add module" }).click();
    await page.getByRole("heading", { name: "Module 1: Week 1" }).waitFor();
    const add = page.locator("form").filter({ has: page.getByLabel("New lesson in Week 1", { exact: true }) });
    const lessons = page.getByRole("list", { name: "Lessons of Week 1" });
    await add.getByLabel("New lesson in Week 1").fill("The planets");
    await add.getByRole("button", { name: "Add", exact: true }).click();
    await lessons.getByRole("link", { name: "The planets" }).waitFor();
    await add.getByLabel("New lesson in Week 1").fill("Final check");
    await add.getByLabel("What to add to Week 1").selectOption("quiz");
    await add.getByRole("button", { name: "Add", exact: true }).click();
    await lessons.getByRole("link", { name: "Final check" }).click();
    await page.waitForURL(/\/lessons\/[0-9a-f-]{36}$/);
    quizLessonId = new URL(page.url()).pathname.split("/").at(-1)!;
    await waitForHydration(page);

    const rows = page.getByRole("list", { name: "Questions" }).locator(":scope > li");
    async function newQuestion(type: string, prompt: string): Promise<Locator> {
      await page.getByLabel("Type of the new question").selectOption({ label: type });
      await page.getByRole("button", { name: "Add question" }).click();
      const form = page.getByRole("form", { name: "New question" });
      await form.getByLabel("Question (markdown)").fill(prompt);
      return form;
    }
    async function addIt(form: Locator, count: number) {
      await form.getByRole("button", { name: "Add question" }).click();
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(count);
    }
    let form = await newQuestion("Single choice", "Which planet is the **largest**?");
    await form.getByLabel("Option 1", { exact: true }).fill("Jupiter");
    await form.getByLabel("Option 2", { exact: true }).fill("Mars");
    await addIt(form, 1);
    form = await newQuestion("Multiple choice", "Which of these are gas giants?");
    await form.getByLabel("Option 1", { exact: true }).fill("Saturn");
    await form.getByLabel("Option 2", { exact: true }).fill("Neptune");
    await form.getByRole("button", { name: "Add option" }).click();
    await form.getByLabel("Option 3", { exact: true }).fill("Venus");
    await form.getByLabel("Right answer: option 2").check();
    await addIt(form, 2);
    form = await newQuestion("True or false", "Mars has two moons.");
    await form.getByLabel("True", { exact: true }).check();
    await addIt(form, 3);
    form = await newQuestion("Short answer", "Which planet is closest to the Sun?");
    await form.getByLabel("Accepted answer 1", { exact: true }).fill("Mercury");
    await addIt(form, 4);
    form = await newQuestion("Number", "How many planets are in the solar system?");
    await form.getByLabel("Right answer", { exact: true }).fill("8");
    await addIt(form, 5);

    await page.goto(`/instructor/courses/${courseId}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("The course is published.").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a learner takes it by keyboard: fails, tries again, passes, and the lesson completes", { timeout: 240_000 }, async () => {
    learner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signUpInContext(learner, {
      name: LEARNER_NAME,
      email: uniqueEmail("journey-learner"),
      password: "a long enough passphrase",
      role: "LEARNER",
    });
    const enrolled = await learner.request.post(`${baseUrl()}/api/courses/${courseId}/enroll`, { headers: { origin: baseUrl() } });
    expect(enrolled.status()).toBe(201);
    // Every question on one page.
    await learner.addInitScript(() => window.localStorage.setItem("budhhub.quiz-layout", "all"));
    const { page, errors } = await openLesson(learner, courseId, quizLessonId);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Final check");
    expect(await page.getByRole("button", { name: "Mark complete" }).count()).toBe(0);
    expect(await progressOf(page)).toBe(0);

    // Attempt 1: only the first question right (1 point of 5: 20 %), the number left blank.
    await press(page, page.getByRole("button", { name: "Start the quiz" }));
    await page.getByRole("heading", { name: /^Question 5/ }).waitFor();
    await press(page, page.getByRole("radio", { name: "Jupiter" }), "Space");
    await press(page, page.getByRole("checkbox", { name: "Venus" }), "Space");
    // A radio group is one Tab stop: Tab reaches True (nothing is checked yet), and the arrow key moves to False and checks it.
    await press(page, page.getByRole("radio", { name: "True" }), "ArrowDown");
    expect(await page.getByRole("radio", { name: "False" }).isChecked()).toBe(true);
    await typeInto(page, page.getByRole("textbox", { name: "Your answer", exact: true }), "Venus");
    await page.getByText("Answered 4 of 5").waitFor();
    await press(page, page.getByRole("button", { name: "Review answers" }));
    await page.getByRole("heading", { name: "Review your answers" }).waitFor();
    await press(page, page.getByRole("button", { name: "Submit answers" }));
    const failed = page.getByRole("heading", { name: "Attempt 1: 20 %" });
    await failed.waitFor();
    expect(await isFocused(failed)).toBe(true);
    expect(await page.getByText("Not passed", { exact: true }).count()).toBe(1);
    expect(await progressOf(page)).toBe(0);

    // Attempt 2: every answer right.
    await press(page, page.getByRole("button", { name: "Try again" }));
    await page.getByRole("heading", { name: /^Question 5/ }).waitFor();
    await press(page, page.getByRole("radio", { name: "Jupiter" }), "Space");
    await press(page, page.getByRole("checkbox", { name: "Saturn" }), "Space");
    await press(page, page.getByRole("checkbox", { name: "Neptune" }), "Space");
    await press(page, page.getByRole("radio", { name: "True" }), "Space");
    await typeInto(page, page.getByRole("textbox", { name: "Your answer", exact: true }), " mercury ");
    await typeInto(page, page.getByRole("textbox", { name: "Your answer (a number)" }), "8");
    await page.getByText("Answered 5 of 5").waitFor();
    await press(page, page.getByRole("button", { name: "Review answers" }));
    await page.getByText("You have answered all 5 questions.").waitFor();
    await press(page, page.getByRole("button", { name: "Submit answers" }));
    await page.getByRole("heading", { name: "Attempt 2: 100 %" }).waitFor();
    expect(await page.getByText("Passed", { exact: true }).count()).toBe(1);

    // The quiz lesson is complete and the course's progress moved (one lesson of two), and stays so after a reload.
    const sidebarQuiz = page.getByRole("navigation", { name: "Curriculum" }).getByRole("link", { name: /Final check/ });
    await expect(sidebarQuiz.textContent()).resolves.toContain("(completed)");
    expect(await progressOf(page)).toBe(50);
    await page.reload({ waitUntil: "load" });
    await waitForHydration(page);
    await page.getByText("Passed: this lesson is complete.").waitFor();
    expect(await progressOf(page)).toBe(50);
    expect(errors).toEqual([]);
    await learner.close();
  });

  it("the instructor finds both attempts and the score chart in the results, from the course analytics", { timeout: 120_000 }, async () => {
    const page = await teacher.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/instructor/courses/${courseId}/analytics?range=all`);
    await waitForHydration(page);
    await page.getByRole("link", { name: "Results of Final check" }).click();
    await page.waitForURL(new RegExp(`/instructor/courses/${courseId}/quizzes/${quizLessonId}$`));
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Results: Final check");

    const attempts = page.getByRole("table", { name: "Graded attempts" }).getByRole("row").filter({ hasText: LEARNER_NAME });
    await expect(attempts.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Jules Journey2100\s?%.*Passed.*Yes, best$/),
      expect.stringMatching(/^Jules Journey120\s?%.*Not passed.*No$/),
    ]);
    const chart = page.getByRole("figure", { name: "Score distribution" });
    await chart.locator("svg .recharts-bar-rectangle path").first().waitFor();
    expect(await chart.locator("svg .recharts-bar-rectangle path").count()).toBe(1);
    await chart.getByText("Show data as table").click();
    await expect(chart.locator("table tbody tr").filter({ hasText: "90–100 %" }).locator("td").textContent()).resolves.toBe("1");

    const api = (await instructor.client.get(`/api/instructor/courses/${courseId}/quizzes/${quizLessonId}/results`)).json<QuizResults>();
    expect(api.summary).toMatchObject({ learners: 1, attempts: 2, passed: 1, averageScore: 100 });
    expect(api.questions.find((q) => q.type === "multiple")).toMatchObject({ correct: 1, attempts: 1 });
    expect(await axeInBothSchemes(page, "quiz results after the journey")).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
