import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeInBothSchemes, elementsPastViewportOutsideScrollBoxes, launchBrowser } from "../helpers/browser";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";
import { openLesson, openPage } from "../helpers/learner-pages";

/**
 * Questions on a lesson, in Chromium: a learner asks on a lesson; the instructor sees it among the unanswered questions
 * and answers; the learner's open thread shows the reply without a reload, the bell counts the notification, and the
 * learner marks the answer; another learner finds it by search; a reported reply is hidden by the instructor. The panel
 * and the board have 0 axe violations in light and dark, and fit a 360 px screen.
 */

const RUN = randomBytes(3).toString("hex");
const address = () => `10.84.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const QUESTION = `Why does my loop never end ${RUN}?`;

async function fitsNarrowScreen(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("discussions in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let owner: Account;
  let asker: Account;
  let classmate: Account;
  let course: BuiltCourse;
  const contexts = {} as Record<"owner" | "asker" | "classmate", BrowserContext>;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    [owner, asker, classmate] = await Promise.all([
      newAccount("INSTRUCTOR", "e2e-disc-owner"),
      newAccount("LEARNER", "e2e-disc-asker"),
      newAccount("LEARNER", "e2e-disc-classmate"),
    ]);
    course = await buildCourse(owner.client, { title: `Loops ${RUN}`, lessons: 2 });
    await Promise.all([enrollIn(asker.client, course.courseId), enrollIn(classmate.client, course.courseId)]);
    for (const [name, account] of [
      ["owner", owner],
      ["asker", asker],
      ["classmate", classmate],
    ] as const) {
      const context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
      const signedIn = await context.request.post("/api/auth/signin", { data: { email: account.email, password: account.password } });
      expect(signedIn.status()).toBe(200);
      contexts[name] = context;
    }
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  it("asks, answers, notifies, marks the answer, finds it by search, and hides a reported reply", { timeout: 300_000 }, async () => {
    // The learner asks on the first lesson, from the player's Questions panel.
    const { page: player, errors } = await openLesson(contexts.asker, course.courseId, course.lessonIds[0]!);
    const tab = player.getByRole("button", { name: /^Questions 0 on this lesson$/ });
    await tab.click();
    expect(await tab.getAttribute("aria-expanded")).toBe("true");
    await player.getByRole("button", { name: "Ask a question" }).click();
    await player.getByLabel("Your question, in a line").fill(QUESTION);
    await player.getByLabel("Details").fill("It prints forever:\n\n```python\nwhile True:\n    print('again')\n```");
    await player.getByRole("button", { name: "Post question" }).click();
    await player.getByRole("heading", { name: QUESTION }).waitFor();
    await player.getByRole("heading", { name: "0 replies" }).waitFor();
    expect(await axeInBothSchemes(player, "the player's Questions panel")).toEqual([]);
    await fitsNarrowScreen(player);

    // The instructor sees it among the unanswered questions and answers on the board.
    const { page: unanswered } = await openPage(contexts.owner, "/instructor/questions");
    await unanswered.getByRole("link", { name: QUESTION }).click();
    await unanswered.waitForURL(/\/discussions\?thread=/);
    await unanswered.getByRole("heading", { name: QUESTION }).waitFor();
    await unanswered.getByLabel("Your reply").fill("Add a `break` when you are done, or loop over a `range`.");
    await unanswered.getByRole("button", { name: "Post reply" }).click();
    await unanswered.getByRole("heading", { name: "1 reply" }).waitFor();
    expect(await unanswered.getByRole("article").getByText("Instructor", { exact: true }).count()).toBe(1);

    // The learner's open thread shows the reply without a reload, and the bell counts it (enrolled + the reply).
    await player.getByRole("heading", { name: "1 reply" }).waitFor({ timeout: 45_000 });
    await player.getByRole("link", { name: "Notifications, 2 unread" }).waitFor({ timeout: 45_000 });
    await player.getByRole("button", { name: "Mark as answer" }).click();
    await player.getByRole("listitem", { name: "The answer" }).waitFor();
    expect(errors).toEqual([]);

    // Another learner finds it by search on the board, answered.
    const { page: board } = await openPage(contexts.classmate, `/my-courses/${course.courseId}/discussions`);
    await board.getByLabel("Search questions").fill("loops");
    await board.getByRole("button", { name: "Search" }).click();
    await board.getByRole("button", { name: QUESTION }).waitFor();
    expect(await board.getByRole("listitem").getByText("Answered", { exact: true }).count()).toBe(1);
    expect(await axeInBothSchemes(board, "the board")).toEqual([]);
    await fitsNarrowScreen(board);
    await board.getByRole("button", { name: QUESTION }).click();
    await board.getByRole("listitem", { name: "The answer" }).waitFor();
    await board.getByLabel("Your reply").fill("Cheap watches at example.test!");
    await board.getByRole("button", { name: "Post reply" }).click();
    await board.getByRole("heading", { name: "2 replies" }).waitFor();

    // The asker reports it; the instructor sees the report on the board and hides the reply.
    await player.reload();
    await player.getByRole("heading", { name: "2 replies" }).waitFor();
    await player.getByRole("button", { name: "Report" }).last().click();
    await player.getByLabel("Why are you reporting this post?").fill("Spam.");
    await player.getByRole("button", { name: "Send report" }).click();
    await player.getByText("Thank you: the report was sent").waitFor();

    await unanswered.goto(`/my-courses/${course.courseId}/discussions`);
    const reports = unanswered.getByRole("region", { name: "Reported posts" });
    await reports.getByText("Reason: Spam.").waitFor();
    await reports.getByRole("link", { name: QUESTION }).click();
    await unanswered.getByRole("heading", { name: "2 replies" }).waitFor();
    await unanswered.getByRole("button", { name: "Hide reply" }).last().click();
    await unanswered.getByText("Hidden from learners").waitFor();
    expect(await axeInBothSchemes(unanswered, "the board, as its moderator")).toEqual([]);

    await board.reload();
    await board.getByRole("heading", { name: "1 reply" }).waitFor();
    expect(await board.getByText("Cheap watches").count()).toBe(0);

    // The instructor mutes the spammer in the course: they still read, but a reply is refused with the reason.
    unanswered.once("dialog", (dialog) => void dialog.accept());
    await unanswered.getByRole("button", { name: `Mute ${classmate.name}` }).click();
    await unanswered.getByText(`${classmate.name} is muted in this course.`).waitFor();
    await board.getByLabel("Your reply").fill("Even cheaper watches!");
    await board.getByRole("button", { name: "Post reply" }).click();
    await board.getByRole("alert").getByText("An instructor has muted you in this course's discussions").waitFor();
  });

  it("shows stored script payloads as text: nothing runs, no handler reaches the page", async () => {
    const payload = `<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>`;
    // Posted by the asker (the classmate is muted by now), read by the classmate.
    const posted = await asker.client.post(`/api/courses/${course.courseId}/discussions`, {
      title: `XSS ${RUN} ${payload}`,
      body: `${payload}\n\n[link](javascript:window.__xss=3)\n\n<a href="#" onclick="window.__xss=4">a</a>`,
    });
    expect(posted.status).toBe(201);
    const threadId = posted.json<{ thread: { id: string } }>().thread.id;
    const { page, errors } = await openPage(contexts.classmate, `/my-courses/${course.courseId}/discussions?thread=${threadId}`);
    await page.getByRole("heading", { name: `XSS ${RUN} ${payload}` }).waitFor();
    const found = await page.evaluate(() => ({
      ran: (window as unknown as { __xss?: number }).__xss ?? null,
      javascriptLinks: [...document.querySelectorAll("a")].filter((a) => a.href.startsWith("javascript:")).length,
    }));
    expect(found).toMatchObject({ ran: null, javascriptLinks: 0 });
    expect(await page.locator("article [onerror], article [onclick], article script").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
