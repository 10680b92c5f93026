import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import {
  afterQueuedTimers,
  axeInBothSchemes,
  elementsPastViewport,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { signInContext } from "../helpers/browser-accounts";

/**
 * An instructor builds a quiz in Chromium: creates a course, adds a quiz through the curriculum's Add, meets the publish
 * refusal that names the empty quiz, writes one question of each type in the quiz editor (by keyboard where it is the
 * natural way), reorders them with the Move buttons and the drag handle's keys, deletes one and puts it back with Undo,
 * previews the quiz as a learner (no answers in the page) and publishes. axe finds nothing on the quiz editor in light
 * and dark, at 1280 and at 360 px, where no element reaches past the screen's edge.
 */

type Quiz = { quiz: { settings: { passingScore: number }; questions: { id: string; type: string; prompt: string }[] } };

describe("the quiz editor in Chromium", () => {
  let close: () => Promise<void>;
  let wide: BrowserContext;
  let narrow: BrowserContext;
  let instructor: Account;
  let courseId = "";
  let quizUrl = "";

  beforeAll(async () => {
    let browser;
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "quiz-author");
    wide = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    narrow = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 360, height: 800 },
      extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
    });
    await signInContext(wide, instructor);
    await signInContext(narrow, instructor);
  }, 120_000);

  afterAll(async () => {
    if (courseId) await instructor.client.request("DELETE", `/api/instructor/courses/${courseId}`);
    await close?.();
  });

  const api = () => `/api/instructor/courses/${courseId}`;
  async function questions(): Promise<Quiz["quiz"]["questions"]> {
    const lesson = quizUrl.replace(/^\/instructor\/courses\/[^/]+/, "");
    return (await instructor.client.get(`${api()}${lesson}/quiz`)).json<Quiz>().quiz.questions;
  }
  const prompts = async () => (await questions()).map((q) => q.prompt);
  const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
  /** Waits for a line the page says (its live region; a toast may say it too). */
  const said = (page: Page, text: string) => page.getByText(text, { exact: true }).first().waitFor({ state: "attached" });
  const rows = (page: Page) => page.getByRole("list", { name: "Questions" }).locator(":scope > li");

  /** Opens the form for a new question of `type`, by keyboard: the type select, then the Add question button. */
  async function newQuestion(page: Page, type: string): Promise<Locator> {
    await page.getByLabel("Type of the new question").selectOption({ label: type });
    await page.getByRole("button", { name: "Add question" }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "New question" });
    // The form opens with the focus in the question's text.
    await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("prompt");
    return form;
  }
  /** Sends the form with the keyboard (its submit button, Enter) and waits for the question to be in the list. */
  async function addIt(page: Page, form: Locator, count: number) {
    await form.getByRole("button", { name: "Add question" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(count);
  }

  it("creates a course and adds a quiz with the curriculum's Add; publishing refuses it while it is empty", async () => {
    const page = await wide.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/instructor/courses/new");
    await waitForHydration(page);
    const details = page.getByRole("form", { name: "Course details" });
    await details.getByLabel("Title").fill("Oceans in numbers");
    await details.getByLabel("Description").fill("Depths, tides and salt, with a quiz at the end of each week.");
    await details.getByRole("button", { name: "Create course" }).click();
    await page.waitForURL(/\/instructor\/courses\/[0-9a-f-]{36}$/);
    await waitForHydration(page);
    courseId = new URL(page.url()).pathname.split("/").at(-1)!;

    await page.getByLabel("New module title").fill("Week 1");
    await page.getByRole("button", { name: "Add module" }).click();
    await page.getByRole("heading", { name: "Module 1: Week 1" }).waitFor();
    const add = page.locator("form").filter({ has: page.getByLabel("New lesson in Week 1", { exact: true }) });
    await add.getByLabel("New lesson in Week 1").fill("Checkpoint");
    await add.getByLabel("What to add to Week 1").selectOption("quiz");
    await add.getByRole("button", { name: "Add", exact: true }).click();
    const lessons = page.getByRole("list", { name: "Lessons of Week 1" });
    await lessons.getByRole("link", { name: "Checkpoint" }).waitFor();
    // The row says it is a quiz, in words.
    await expect(lessons.getByRole("listitem").filter({ hasText: "Checkpoint" }).getByText("Quiz", { exact: true }).count()).resolves.toBe(
      1,
    );

    // Publishing an empty quiz is refused, and the refusal names it; the course page already lists it.
    await page
      .getByRole("region", { name: "Quizzes to finish before publishing" })
      .getByRole("link", { name: 'Quiz "Checkpoint" has no questions.' })
      .waitFor();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("alert").filter({ hasText: 'Quiz "Checkpoint" has no questions.' }).waitFor();
    expect((await instructor.client.get(api())).json<{ course: { isPublished: boolean } }>().course.isPublished).toBe(false);

    await lessons.getByRole("link", { name: "Checkpoint" }).click();
    await page.waitForURL(/\/lessons\/[0-9a-f-]{36}$/);
    quizUrl = new URL(page.url()).pathname;
    expect(errors).toEqual([]);
    await page.close();
  });

  it("builds one question of each type, reorders them, deletes one and undoes it, previews, and publishes", async () => {
    const page = await wide.newPage();
    const errors = watchPageErrors(page);
    await page.goto(quizUrl);
    await waitForHydration(page);
    // A quiz keeps its introduction and handouts; it has no video.
    await page.getByRole("heading", { name: "Introduction", level: 2 }).waitFor();
    await page.getByRole("heading", { name: "Handouts", level: 2 }).waitFor();
    await expect(page.getByRole("heading", { name: "Video" }).count()).resolves.toBe(0);
    await expect(page.getByText("No questions yet.", { exact: false }).count()).resolves.toBe(1);

    // Settings.
    const settings = page.getByRole("form", { name: "Quiz settings" });
    await settings.getByLabel("Passing score (%)").fill("150");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await settings.getByText("The passing score must be at most 100.", { exact: true }).waitFor();
    await settings.getByLabel("Passing score (%)").fill("60");
    await settings.getByLabel("Attempts allowed").fill("3");
    await settings.getByLabel("Shuffle the options of choice questions").check();
    await settings.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Quiz settings saved.").waitFor();

    // 1. Single choice: the first option is marked right to begin with.
    let form = await newQuestion(page, "Single choice");
    await page.keyboard.type("Which ocean is the **largest**?");
    await form.getByLabel("Option 1", { exact: true }).fill("Pacific");
    await form.getByLabel("Option 2", { exact: true }).fill("Atlantic");
    await addIt(page, form, 1);
    // The focus is on the new question's Edit button.
    await expect(focusedLabel(page)).resolves.toBe("Edit question 1");

    // 2. Multiple choice with partial credit; a third option added; the second marked right with Space.
    form = await newQuestion(page, "Multiple choice");
    await page.keyboard.type("Which of these are salts?");
    await form.getByLabel("Option 1", { exact: true }).fill("Sodium chloride");
    await form.getByLabel("Option 2", { exact: true }).fill("Magnesium sulfate");
    await form.getByRole("button", { name: "Add option" }).click();
    await form.getByLabel("Option 3", { exact: true }).fill("Water");
    await form.getByLabel("Right answer: option 2").focus();
    await page.keyboard.press("Space");
    await form.getByLabel(/^Partial credit/).check();
    await addIt(page, form, 2);

    // 3. True or false, with an explanation.
    form = await newQuestion(page, "True or false");
    await page.keyboard.type("The Dead Sea is an ocean.");
    await form.getByLabel("False", { exact: true }).check();
    await form.getByLabel("Explanation (markdown, optional)").fill("It is a salt **lake**.");
    await addIt(page, form, 3);

    // 4. Short answer: an empty accepted answer is refused in the page, with the focus on it.
    form = await newQuestion(page, "Short answer");
    await page.keyboard.type("Which ocean surrounds Antarctica?");
    await form.getByRole("button", { name: "Add question" }).click();
    await form.getByText("An accepted answer cannot be empty.", { exact: true }).waitFor();
    await expect(focusedLabel(page)).resolves.toBe(null);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("placeholder"))).resolves.toBe("Accepted answer 1");
    await form.getByLabel("Accepted answer 1", { exact: true }).fill("Southern Ocean");
    await form.getByRole("button", { name: "Add an accepted answer" }).click();
    await form.getByLabel("Accepted answer 2", { exact: true }).fill("Antarctic Ocean");
    await addIt(page, form, 4);

    // 5. Number, typed with a decimal comma, 2 points.
    form = await newQuestion(page, "Number");
    await page.keyboard.type("How deep is the Challenger Deep, in km?");
    await form.getByLabel("Right answer", { exact: true }).fill("10,9");
    await form.getByLabel("Tolerance (±)").fill("0.2");
    await form.getByLabel("Points").fill("2");
    await addIt(page, form, 5);

    const built = await questions();
    expect(built.map((q) => q.type)).toEqual(["single", "multiple", "true_false", "short_text", "numeric"]);
    expect(built[1]).toMatchObject({ partialCredit: true, options: [{ correct: true }, { correct: true }, { correct: false }] });
    expect(built[2]).toMatchObject({ correct: false, explanation: "It is a salt **lake**." });
    expect(built[3]).toMatchObject({ acceptedAnswers: ["Southern Ocean", "Antarctic Ocean"] });
    expect(built[4]).toMatchObject({ answer: 10.9, tolerance: 0.2, points: 2 });

    // Edit: the first question's prompt; the focus comes back to its Edit button.
    await page.getByRole("button", { name: "Edit question 1" }).click();
    const edit = page.getByRole("form", { name: "Edit question 1" });
    await edit.getByLabel("Question (markdown)").fill("Which ocean is the **largest** by area?");
    await edit.getByRole("button", { name: "Save question" }).click();
    await said(page, "Question 1 saved.");
    await expect(focusedLabel(page)).resolves.toBe("Edit question 1");

    // Reorder by keyboard: Move up keeps the focus on the moved question (now number 4)…
    await page.getByRole("button", { name: "Move question 5 up" }).focus();
    await page.keyboard.press("Enter");
    await expect(focusedLabel(page)).resolves.toBe("Move question 4 up");
    await said(page, "Question 5 is now number 4.");
    // …and the drag handle: Space picks up, an arrow moves, Space drops.
    await page.getByRole("button", { name: "Drag question 1" }).focus();
    await page.keyboard.press("Space");
    await said(page, "Question 1 is over place 1.");
    await afterQueuedTimers(page);
    await page.keyboard.press("ArrowDown");
    await said(page, "Question 1 is over place 2.");
    await page.keyboard.press("Space");
    await said(page, "Question 1 is now number 2.");
    const order = [
      "Which of these are salts?",
      "Which ocean is the **largest** by area?",
      "The Dead Sea is an ocean.",
      "How deep is the Challenger Deep, in km?",
      "Which ocean surrounds Antarctica?",
    ];
    await expect.poll(prompts, { timeout: 10_000 }).toEqual(order);

    // Duplicate the third, then delete the copy and the original; Undo puts the original back at its place, whole.
    const trueFalse = (await questions())[2]!;
    await page.getByRole("button", { name: "Duplicate question 3" }).click();
    await expect.poll(() => rows(page).count()).toBe(6);
    await expect(focusedLabel(page)).resolves.toBe("Edit question 4");
    await expect.poll(prompts).toEqual([...order.slice(0, 3), order[2], ...order.slice(3)]);
    await page.getByRole("button", { name: "Delete question 4" }).click();
    await said(page, "Question 4 deleted.");
    await page.getByRole("button", { name: "Delete question 3" }).click();
    await said(page, "Question 3 deleted.");
    await expect.poll(prompts).toEqual([...order.slice(0, 2), ...order.slice(3)]);
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Deleted question 3." });
    await toast.getByRole("button", { name: "Undo" }).click();
    await said(page, "Question 3 is back.");
    await expect.poll(prompts).toEqual(order);
    const back = (await questions())[2]!;
    expect({ ...back, id: "" }).toEqual({ ...trueFalse, id: "" });
    await expect.poll(() => rows(page).count()).toBe(5);

    // The preview shows the questions as learners get them, without the answers.
    await page.getByRole("button", { name: "Preview as a learner" }).click();
    const preview = page.locator("#quiz-preview");
    await preview.getByRole("heading", { name: /^Question 5 of 5/ }).waitFor();
    await expect(preview.getByRole("radio").count()).resolves.toBe(2 + 2);
    await expect(preview.getByRole("checkbox").count()).resolves.toBe(3);
    const text = await preview.innerText();
    for (const hidden of ["Southern Ocean", "Antarctic Ocean", "10.9", "10,9", "salt lake", "Right answer"])
      expect(text).not.toContain(hidden);
    await preview.getByLabel("Your answer", { exact: true }).fill("southern ocean");
    expect(await axeInBothSchemes(page, "quiz editor with the preview")).toEqual([]);

    // Publish from the course editor: the quiz is complete now.
    await page.goto(`/instructor/courses/${courseId}`);
    await waitForHydration(page);
    await expect(page.getByRole("region", { name: "Quizzes to finish before publishing" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("The course is published.").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has no axe violations on the quiz editor with a question form open, light and dark", async () => {
    const page = await wide.newPage();
    await page.goto(quizUrl);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Edit question 2" }).click();
    await page.getByRole("form", { name: "Edit question 2" }).waitFor();
    expect(await axeInBothSchemes(page, "quiz editor, editing")).toEqual([]);
    await page.close();
  });

  it("fits a 360 px screen: no element past its edge, axe clean, with a form and the preview open", async () => {
    const page = await narrow.newPage();
    await page.goto(quizUrl);
    await waitForHydration(page);
    expect(await elementsPastViewport(page)).toEqual([]);
    expect(await axeInBothSchemes(page, "quiz editor at 360 px")).toEqual([]);
    await page.getByLabel("Type of the new question").selectOption({ label: "Multiple choice" });
    await page.getByRole("button", { name: "Add question" }).click();
    await page.getByRole("form", { name: "New question" }).waitFor();
    await page.getByRole("button", { name: "Preview as a learner" }).click();
    await page
      .locator("#quiz-preview")
      .getByRole("heading", { name: /^Question 1 of \d/ })
      .waitFor();
    expect(await elementsPastViewport(page)).toEqual([]);
    expect(await axeInBothSchemes(page, "quiz editor at 360 px, form and preview open")).toEqual([]);
    await page.close();
  });
});
