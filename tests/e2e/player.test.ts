import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail, uniqueIp } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser } from "../helpers/browser";
import { signUpInContext } from "../helpers/browser-accounts";
import { openLesson, openPage, playerUrl, waitForVideo } from "../helpers/learner-pages";

type CourseDetail = {
  course: {
    id: string;
    title: string;
    category: string | null;
    materialsCount: number;
    modules: { lessons: { id: string; title: string; hasVideo: boolean }[] }[];
  };
};

const lessonsOf = (detail: CourseDetail) => detail.course.modules.flatMap((m) => m.lessons);

describe("the course player in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  /** A published demo course with a video lesson. The whole learner journey is tests/e2e/journey.test.ts. */
  let videoCourse: CourseDetail;

  async function learnerContext(options: Parameters<Browser["newContext"]>[0] = {}) {
    const context = await browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signUpInContext(context, {
      name: "Lena Learner",
      email: uniqueEmail("player"),
      password: "a long enough passphrase",
      role: "LEARNER",
    });
    return context;
  }

  async function enroll(context: BrowserContext, courseId: string) {
    const answer = await context.request.post(`${baseUrl()}/api/courses/${courseId}/enroll`, { headers: { origin: baseUrl() } });
    expect(answer.status()).toBe(201);
  }

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    // A demo course with a video, looked for page by page: other test files publish courses of their own, newer ones.
    let found: CourseDetail | undefined;
    for (let page = 1; !found; page++) {
      const catalog = (await (await fetch(`${baseUrl()}/api/courses?sort=newest&page=${page}`)).json()) as { courses: { id: string }[] };
      if (catalog.courses.length === 0) break;
      const details = await Promise.all(
        catalog.courses.map(async (c) => (await (await fetch(`${baseUrl()}/api/courses/${c.id}`)).json()) as CourseDetail),
      );
      found = details.find((d) => lessonsOf(d).some((l) => l.hasVideo));
    }
    expect(found).toBeDefined();
    videoCourse = found!;
  });
  afterAll(async () => close?.());

  it("tells a learner who is not enrolled to enroll first", async () => {
    const context = await learnerContext();
    const { page, errors } = await openPage(context, playerUrl(videoCourse.course.id, lessonsOf(videoCourse)[0]!.id));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Enroll to open this lesson");
    await expect(page.getByRole("link", { name: "Go to the course page" }).getAttribute("href")).resolves.toBe(
      `/courses/${videoCourse.course.id}`,
    );
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

      const opened = lessonsOf(videoCourse).filter((l) => l.hasVideo || l.id === second!.id);
      for (const lesson of opened) {
        const { page, errors } = await openLesson(context, courseId, lesson.id);
        if (lesson.hasVideo) await waitForVideo(page);
        expect({ lesson: lesson.title, violations: await axeViolations(page) }).toEqual({ lesson: lesson.title, violations: [] });
        expect(errors).toEqual([]);
        await page.close();
      }

      // Continue goes back to the lesson opened last (not completed): where the learner stopped.
      const stoppedAt = playerUrl(courseId, opened.at(-1)!.id);
      const myCourses = await openPage(context, "/my-courses");
      await expect(myCourses.page.getByRole("link", { name: `Continue ${videoCourse.course.title}` }).getAttribute("href")).resolves.toBe(
        stoppedAt,
      );
      expect(await axeViolations(myCourses.page)).toEqual([]);
      expect(myCourses.errors).toEqual([]);

      const dashboard = await openPage(context, "/dashboard");
      const resume = dashboard.page.getByRole("region", { name: "Continue where you stopped" });
      await expect(resume.getByRole("progressbar").count()).resolves.toBe(1);
      await expect(resume.getByRole("link", { name: `Continue ${videoCourse.course.title}` }).getAttribute("href")).resolves.toBe(
        stoppedAt,
      );
      await expect(dashboard.page.getByRole("list", { name: "Courses in progress" }).count()).resolves.toBe(0);
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
