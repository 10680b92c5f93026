import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";

type CourseDetail = {
  course: { id: string; title: string; category: string | null; materialsCount: number; modules: { lessons: { id: string; title: string; hasVideo: boolean }[] }[] };
};

let ipCounter = 0;
/** Rate limits count per X-Forwarded-For address: every context gets its own. */
const uniqueIp = () => `10.${(process.pid >> 8) & 255}.${(process.pid & 255) ^ 77}.${++ipCounter}`;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
const lessonsOf = (detail: CourseDetail) => detail.course.modules.flatMap((m) => m.lessons);
const playerUrl = (courseId: string, lessonId: string) => `/my-courses/${courseId}/lessons/${lessonId}`;

async function openPage(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`${baseUrl()}${url}`, { waitUntil: "load" });
  await waitForHydration(page);
  return { page, errors };
}

/** The player's <video> once its signed src is set and its metadata (and any resume seek) has loaded. */
async function waitForVideo(page: Page) {
  await page.waitForFunction(() => {
    const video = document.querySelector("video");
    return video !== null && video.currentSrc !== "" && video.readyState >= 1 && !video.seeking;
  });
}

describe("the course player in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  /** A published demo course with a video lesson, and one with a downloadable material (the demo has them apart). */
  let videoCourse: CourseDetail;
  let materialCourse: CourseDetail;

  async function learnerContext(options: Parameters<Browser["newContext"]>[0] = {}) {
    const context = await browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const headers = { origin: baseUrl() };
    const signup = await context.request.post(`${baseUrl()}/api/auth/signup`, {
      data: { name: "Lena Learner", email: uniqueEmail("player"), password: "a long enough passphrase" },
      headers,
    });
    expect(signup.status()).toBe(201);
    const onboarded = await context.request.post(`${baseUrl()}/api/onboarding`, { data: { name: "Lena Learner", role: "LEARNER" }, headers });
    expect(onboarded.status()).toBe(200);
    return context;
  }

  async function enroll(context: BrowserContext, courseId: string) {
    const answer = await context.request.post(`${baseUrl()}/api/courses/${courseId}/enroll`, { headers: { origin: baseUrl() } });
    expect(answer.status()).toBe(201);
  }

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    const catalog = (await (await fetch(`${baseUrl()}/api/courses`)).json()) as { courses: { id: string }[] };
    const details = await Promise.all(
      catalog.courses.map(async (c) => (await (await fetch(`${baseUrl()}/api/courses/${c.id}`)).json()) as CourseDetail),
    );
    videoCourse = details.find((d) => lessonsOf(d).some((l) => l.hasVideo))!;
    materialCourse = details.find((d) => d.course.materialsCount > 0)!;
    expect(videoCourse).toBeDefined();
    expect(materialCourse).toBeDefined();
  });
  afterAll(async () => close?.());

  it("resumes the video where the learner paused, downloads a material and completes every lesson", async () => {
    const context = await learnerContext();
    await enroll(context, videoCourse.course.id);
    const courseId = videoCourse.course.id;
    const lessons = lessonsOf(videoCourse);
    const videoLesson = lessons.find((l) => l.hasVideo)!;

    // Play part of the video; pausing saves the position.
    const { page, errors } = await openPage(context, playerUrl(courseId, videoLesson.id));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(videoLesson.title);
    await waitForVideo(page);
    await page.evaluate(async () => {
      const video = document.querySelector("video")!;
      video.muted = true; // headless Chromium allows muted playback without a user gesture
      await video.play();
    });
    await page.waitForFunction(() => document.querySelector("video")!.currentTime >= 2, undefined, { timeout: 20_000 });
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/lessons/${videoLesson.id}/position`) && r.request().method() === "PUT"),
      page.evaluate(() => document.querySelector("video")!.pause()),
    ]);
    expect(saved.status()).toBe(200);
    const pausedAt = await page.evaluate(() => document.querySelector("video")!.currentTime);
    expect((JSON.parse(saved.request().postData()!) as { seconds: number }).seconds).toBe(Math.floor(pausedAt));

    // A reload (as another device would) starts at the same place.
    await page.reload({ waitUntil: "load" });
    await waitForHydration(page);
    await waitForVideo(page);
    await page.waitForFunction(() => document.querySelector("video")!.currentTime > 0);
    const resumedAt = await page.evaluate(() => document.querySelector("video")!.currentTime);
    expect(Math.abs(resumedAt - pausedAt)).toBeLessThanOrEqual(1);

    // Mark every lesson complete through the toggle, walking with Next; undo once on the way.
    await page.goto(`${baseUrl()}${playerUrl(courseId, lessons[0]!.id)}`, { waitUntil: "load" });
    await waitForHydration(page);
    const toggle = page.getByRole("button", { name: "Mark complete" });
    const curriculum = page.getByRole("navigation", { name: "Curriculum" });
    const progressBar = page.getByRole("progressbar", { name: `Progress in ${videoCourse.course.title}` });
    const clickToggle = async () => {
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/complete")), toggle.click()]);
      expect(answer.status()).toBe(200);
      return (await answer.json()) as { completed: boolean; progress: number; courseCompleted: boolean };
    };
    for (const [index, lesson] of lessons.entries()) {
      await page.waitForURL((url) => url.pathname === playerUrl(courseId, lesson.id));
      await page.getByRole("heading", { level: 1, name: lesson.title, exact: true }).waitFor();
      await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
      if (index === 0) {
        expect((await clickToggle()).completed).toBe(true);
        expect((await clickToggle()).completed).toBe(false);
        await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
      }
      const answer = await clickToggle();
      expect(answer.progress).toBe(Math.floor((100 * (index + 1)) / lessons.length));
      await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
      await expect(curriculum.locator('a[aria-current="page"]').textContent()).resolves.toContain("(completed)");
      await expect(progressBar.getAttribute("aria-valuenow")).resolves.toBe(String(answer.progress));
      if (index < lessons.length - 1) await page.getByRole("link", { name: /^Next/ }).click();
    }
    await page.getByRole("status").filter({ hasText: "Course complete" }).waitFor();
    await expect(curriculum.getByText("(completed)").count()).resolves.toBe(lessons.length);

    await page.getByRole("status").getByRole("link", { name: "Back to My courses" }).click();
    await page.waitForURL((url) => url.pathname === "/my-courses");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: videoCourse.course.title }) });
    await expect(card.getByRole("progressbar").getAttribute("aria-valuenow")).resolves.toBe("100");
    await expect(card.getByText("Completed", { exact: true }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();

    // A material downloads as the PDF it is: walk the other course with Next until a lesson has one.
    if (materialCourse.course.id !== courseId) await enroll(context, materialCourse.course.id);
    const other = await openPage(context, playerUrl(materialCourse.course.id, lessonsOf(materialCourse)[0]!.id));
    const materials = other.page.getByRole("list", { name: /materials/ });
    for (let i = 0; (await materials.count()) === 0 && i < lessonsOf(materialCourse).length; i++) {
      const before = other.page.url();
      await other.page.getByRole("link", { name: /^Next/ }).click();
      await other.page.waitForURL((url) => url.href !== before);
      await other.page.getByRole("heading", { level: 1 }).waitFor();
    }
    const [download] = await Promise.all([other.page.waitForEvent("download"), materials.first().getByRole("button").first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(other.errors).toEqual([]);
    await context.close();
  });

  it("tells a learner who is not enrolled to enroll first", async () => {
    const context = await learnerContext();
    const { page, errors } = await openPage(context, playerUrl(videoCourse.course.id, lessonsOf(videoCourse)[0]!.id));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Enroll to open this lesson");
    await expect(page.getByRole("link", { name: "Go to the course page" }).getAttribute("href")).resolves.toBe(`/courses/${videoCourse.course.id}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no accessibility violations on the player, My courses and the dashboard (${scheme})`, async () => {
      const context = await learnerContext({ colorScheme: scheme });
      const courseId = videoCourse.course.id;
      const [first, second] = lessonsOf(videoCourse);
      await enroll(context, courseId);
      const done = await context.request.post(`${baseUrl()}/api/my-courses/${courseId}/lessons/${first!.id}/complete`, {
        headers: { origin: baseUrl() },
      });
      expect(done.status()).toBe(200);

      for (const lesson of lessonsOf(videoCourse).filter((l) => l.hasVideo || l.id === second!.id)) {
        const { page, errors } = await openPage(context, playerUrl(courseId, lesson.id));
        if (lesson.hasVideo) await waitForVideo(page);
        expect({ lesson: lesson.title, violations: await axeViolations(page) }).toEqual({ lesson: lesson.title, violations: [] });
        expect(errors).toEqual([]);
        await page.close();
      }

      const myCourses = await openPage(context, "/my-courses");
      await expect(myCourses.page.getByRole("link", { name: `Continue ${videoCourse.course.title}` }).getAttribute("href")).resolves.toBe(
        playerUrl(courseId, second!.id),
      );
      expect(await axeViolations(myCourses.page)).toEqual([]);
      expect(myCourses.errors).toEqual([]);

      const dashboard = await openPage(context, "/dashboard");
      const inProgress = dashboard.page.getByRole("list", { name: "Courses in progress" });
      await expect(inProgress.getByRole("progressbar").count()).resolves.toBe(1);
      const popular = dashboard.page.getByRole("list", { name: "Popular courses in your categories" });
      if ((await popular.count()) > 0) {
        await expect(popular.getByRole("link", { name: videoCourse.course.title, exact: true }).count()).resolves.toBe(0);
      }
      expect(await axeViolations(dashboard.page)).toEqual([]);
      expect(dashboard.errors).toEqual([]);
      await context.close();
    });
  }
});
