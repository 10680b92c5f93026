import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueEmail, uniqueIp, waitForOutboxMail, type Account } from "../helpers/api-client";
import { linkIn } from "../helpers/mail-text";
import { axeViolations, launchBrowser, waitForHydration } from "../helpers/browser";
import { buildCourse, type BuiltCourse } from "../helpers/learning-fixtures";
import { openPage, playerUrl, playVideoFor, waitForVideo } from "../helpers/learner-pages";

/**
 * The learner's journey as a visitor lives it, in Chromium: search the catalog, sign up from the course page, enroll, play
 * part of a video, reload and resume there, download a material, complete every lesson and see 100 % on My courses,
 * with no accessibility violations on the catalog, the course page, the player and My courses. The course is made for
 * the run (video and PDFs on its first lesson) and deleted afterwards: the e2e files share one server and its data.
 */

const LESSONS = 3;
// A word no demo course has, so that the search finds this course and only it.
const WORD = `Orrery${Math.floor(Math.random() * 1e6)}`;
const TITLE = `${WORD} Making for Beginners`;

async function expectNoViolations(page: Page, where: string) {
  expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
}

describe("the learner journey in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  let course: Required<BuiltCourse>;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "journey-author");
    course = (await buildCourse(instructor.client, { title: TITLE, lessons: LESSONS, media: true })) as Required<BuiltCourse>;
  }, 120_000);

  afterAll(async () => {
    if (course) await instructor.client.request("DELETE", `/api/instructor/courses/${course.courseId}`);
    await close?.();
  });

  it("searches, signs up, enrolls, resumes a video, downloads a material, completes every lesson and sees 100 %", async () => {
    const { courseId, lessonIds, videoLessonId } = course;
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

    // The catalog: typing a prefix finds the course.
    const { page, errors } = await openPage(context, "/courses");
    const typed = WORD.slice(0, 9).toLowerCase();
    await page.getByRole("searchbox", { name: "Search" }).pressSequentially(typed, { delay: 40 });
    await page.waitForURL((url) => url.searchParams.get("q") === typed);
    await page
      .getByRole("status")
      .filter({ hasText: `“${typed}”` })
      .waitFor();
    const results = page.getByRole("list", { name: "Courses" });
    await results.getByRole("link", { name: TITLE }).waitFor();
    await expect(results.getByRole("listitem").count()).resolves.toBe(1);
    await expectNoViolations(page, "catalog");

    // The course page, signed out: the curriculum, and Sign in to enroll rather than Enroll.
    await results.getByRole("link", { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === `/courses/${course.slug}`);
    await waitForHydration(page);
    expect(await page.title()).toBe(`${TITLE} · BudhHub`);
    await expect(page.getByRole("heading", { name: "Curriculum" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Enroll" }).count()).resolves.toBe(0);
    await expectNoViolations(page, "course page, signed out");

    // Sign up from there (a fresh account), confirm the address from the mail, onboard as a learner, and come back to
    // the course.
    await page.getByRole("link", { name: "Sign in to enroll" }).click();
    await page.waitForURL((url) => url.pathname === "/signin");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/signup" && url.searchParams.get("callbackUrl") === `/courses/${course.slug}`);
    await waitForHydration(page);
    const signup = page.getByRole("form", { name: "Create your account" });
    const email = uniqueEmail("journey");
    await signup.getByLabel("Name").fill("Jo Journey");
    await signup.getByLabel("Email").fill(email);
    await signup.getByLabel("Password").fill("a long enough passphrase");
    await signup.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/check-email");
    await page.goto(linkIn(await waitForOutboxMail(email), "/verify-email"), { waitUntil: "load" });
    await waitForHydration(page);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.waitForURL((url) => url.pathname === "/onboarding");
    await waitForHydration(page);
    const onboarding = page.getByRole("form", { name: "Set up your account" });
    await onboarding.getByRole("radio", { name: "I want to learn" }).check();
    await onboarding.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === `/courses/${course.slug}`, { timeout: 60_000 });
    await waitForHydration(page);

    // Enroll; a second enrollment (another tab, a double click) changes nothing.
    await page.getByRole("button", { name: "Enroll" }).click();
    await page.getByText(`You are enrolled in ${TITLE}.`).waitFor();
    // Nothing opened yet: Start, at the first lesson.
    const start = page.getByRole("link", { name: "Start" });
    await expect(start.getAttribute("href")).resolves.toBe(playerUrl(courseId, lessonIds[0]!));
    await expect(page.getByRole("progressbar", { name: "Your progress" }).getAttribute("aria-valuenow")).resolves.toBe("0");
    const again = await page.evaluate(async (id) => (await fetch(`/api/courses/${id}/enroll`, { method: "POST" })).status, courseId);
    expect(again).toBe(200);
    // Reloaded, so that axe checks the page rather than the toast (sonner's rich colours fail contrast: not ours).
    await page.reload({ waitUntil: "load" });
    await expectNoViolations(page, "course page, enrolled");

    // The player: play part of the video; pausing saves the position, and a reload (as another device) resumes there.
    await page.getByRole("link", { name: "Start" }).click();
    await page.waitForURL((url) => url.pathname === playerUrl(courseId, videoLessonId));
    await waitForHydration(page);
    await waitForVideo(page);
    await expectNoViolations(page, "player");
    await playVideoFor(page, 2);
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/lessons/${videoLessonId}/position`) && r.request().method() === "PUT"),
      page.evaluate(() => document.querySelector("video")!.pause()),
    ]);
    expect(saved.status()).toBe(200);
    const pausedAt = await page.evaluate(() => document.querySelector("video")!.currentTime);
    expect((JSON.parse(saved.request().postData()!) as { seconds: number }).seconds).toBe(Math.floor(pausedAt));
    await page.reload({ waitUntil: "load" });
    await waitForHydration(page);
    await waitForVideo(page);
    await page.waitForFunction(() => document.querySelector("video")!.currentTime > 0);
    const resumedAt = await page.evaluate(() => document.querySelector("video")!.currentTime);
    expect(Math.abs(resumedAt - pausedAt)).toBeLessThanOrEqual(1);

    // The lesson's handout downloads as the PDF it is.
    const lessonMaterials = page.getByRole("list", { name: "Lesson materials" });
    const [download] = await Promise.all([page.waitForEvent("download"), lessonMaterials.getByRole("button").first().click()]);
    expect(download.suggestedFilename()).toBe("lesson-handout.pdf");
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");

    // Mark every lesson complete, walking with Next; undo once on the way. A done lesson says Completed and offers
    // "Mark as not complete" in place of "Mark complete".
    const markComplete = page.getByRole("button", { name: "Mark complete", exact: true });
    const markNotComplete = page.getByRole("button", { name: "Mark as not complete" });
    const completedLabel = page.getByText("Completed", { exact: true });
    const curriculum = page.getByRole("navigation", { name: "Curriculum" });
    const progressBar = page.getByRole("progressbar", { name: `Progress in ${TITLE}` });
    const click = async (button: typeof markComplete) => {
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/complete")), button.click()]);
      expect(answer.status()).toBe(200);
      return (await answer.json()) as { completed: boolean; progress: number; courseCompleted: boolean };
    };
    const expectDone = async (done: boolean) => {
      await (done ? markNotComplete : markComplete).waitFor();
      await expect((done ? markComplete : markNotComplete).count()).resolves.toBe(0);
      await expect(completedLabel.count()).resolves.toBe(done ? 1 : 0);
    };
    for (const [index, lessonId] of lessonIds.entries()) {
      await page.waitForURL((url) => url.pathname === playerUrl(courseId, lessonId));
      await page.getByRole("heading", { level: 1, name: `Lesson ${index + 1}`, exact: true }).waitFor();
      await expectDone(false);
      if (index === 0) {
        expect((await click(markComplete)).completed).toBe(true);
        await expectDone(true);
        expect((await click(markNotComplete)).completed).toBe(false);
        await expectDone(false);
      }
      const answer = await click(markComplete);
      expect(answer.progress).toBe(Math.floor((100 * (index + 1)) / LESSONS));
      await expectDone(true);
      await expect(curriculum.locator('a[aria-current="page"]').textContent()).resolves.toContain("(completed)");
      await expect(progressBar.getAttribute("aria-valuenow")).resolves.toBe(String(answer.progress));
      if (index < LESSONS - 1) await page.getByRole("link", { name: /^Next/ }).click();
    }
    await page.getByRole("status").filter({ hasText: "Course complete" }).waitFor();
    await expect(curriculum.getByText("(completed)").count()).resolves.toBe(LESSONS);

    // My courses shows the course at 100 %.
    await page.getByRole("status").getByRole("link", { name: "Back to My courses" }).click();
    await page.waitForURL((url) => url.pathname === "/my-courses");
    await waitForHydration(page);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TITLE }) });
    await expect(card.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe("100");
    await expect(card.getByText("Completed", { exact: true }).count()).resolves.toBe(1);
    await expectNoViolations(page, "my courses");
    expect(errors).toEqual([]);
    await context.close();
  });
});
