import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser } from "../helpers/browser";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";
import { openPage } from "../helpers/learner-pages";

/**
 * The course page as a visitor finds it, in Chromium: at its readable URL, with its picture, what it teaches, who
 * teaches it (with a bio), how many are enrolled and the curriculum; the URLs it had before (its id, the slug of its
 * old title) lead there. The course is made for the run, then renamed, so that it has an old slug; deleted afterwards.
 */

const WORD = `Kiln${Math.floor(Math.random() * 1e6)}`;
const OLD_TITLE = `${WORD} pottery basics`;
const TITLE = `Wheel-thrown ${WORD} pottery`;
const SLUG = `wheel-thrown-${WORD.toLowerCase()}-pottery`;
const BIO = "Potter for twenty years; teaches the wheel one bowl at a time.";
const OUTCOMES = ["Centre clay on the wheel", "Throw a cylinder and a bowl", "Trim, glaze and fire your pieces"];

describe("the course page in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  let course: BuiltCourse;
  const newContext = (options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> =>
    browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "potter");
    const bio = await instructor.client.patch("/api/profile", { name: "Pat Potter", bio: BIO });
    expect(bio.status, bio.text).toBe(200);
    course = await buildCourse(instructor.client, { title: OLD_TITLE, media: true, thumbnail: true });
    const renamed = await instructor.client.patch(`/api/instructor/courses/${course.courseId}`, { title: TITLE, outcomes: OUTCOMES });
    expect(renamed.status, renamed.text).toBe(200);
    for (const prefix of ["potter-learner-a", "potter-learner-b"])
      await enrollIn((await newAccount("LEARNER", prefix)).client, course.courseId);
  }, 180_000);

  afterAll(async () => {
    if (course) await instructor.client.request("DELETE", `/api/instructor/courses/${course.courseId}`);
    await close?.();
  });

  const expectNoViolations = async (page: Page, where: string) =>
    expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });

  it("shows a visitor the picture, what the course teaches, the instructor's bio, the enrolled count and the curriculum", async () => {
    const context = await newContext();
    const { page, errors, response } = await openPage(context, `/courses/${SLUG}`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/courses/${SLUG}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(TITLE);

    // The picture has loaded (a signed URL the page's CSP allows), and it is the hero, not a letter tile.
    const hero = page.locator("article header img");
    await hero.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>("article header img");
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expect(await hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);

    const facts = page.getByRole("list", { name: "Course facts" });
    await expect(facts.textContent()).resolves.toContain("2 learners enrolled");
    await expect(facts.textContent()).resolves.toContain("2 handouts");
    const learn = page.getByRole("region", { name: "What you will learn" });
    await expect(learn.getByRole("listitem").allTextContents()).resolves.toEqual(OUTCOMES);
    const instructorSection = page.getByRole("region", { name: "Your instructor" });
    await expect(instructorSection.textContent()).resolves.toContain("Pat Potter");
    await expect(instructorSection.textContent()).resolves.toContain(BIO);
    const curriculum = page.getByRole("region", { name: "Curriculum" });
    await expect(curriculum.getByRole("heading", { level: 3 }).allTextContents()).resolves.toEqual(["Module 1: Module 1"]);
    const lessons = curriculum.getByRole("listitem").filter({ hasText: /^Lesson \d/ });
    await expect(lessons.count()).resolves.toBe(3);
    // The first lesson has the video and a handout; each lesson says how long it takes.
    await expect(lessons.first().textContent()).resolves.toMatch(/Lesson 1.*Video.*Handout.*5 min/);
    await expect(lessons.nth(1).textContent()).resolves.not.toMatch(/Video|Handout/);
    // Signed out: the way in is to sign in, and back here after.
    await expect(page.getByRole("link", { name: "Sign in to enroll" }).getAttribute("href")).resolves.toBe(
      `/signin?callbackUrl=${encodeURIComponent(`/courses/${SLUG}`)}`,
    );
    // Link previews read an image URL on the app's own address that does not expire.
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(ogImage).toMatch(new RegExp(`^${baseUrl()}/api/courses/${course.courseId}/image\\?v=`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("takes the course's id URL and the slug of its old title to its current URL, query and all", async () => {
    const context = await newContext();
    for (const from of [`/courses/${course.courseId}`, `/courses/${course.slug}`]) {
      const { page } = await openPage(context, `${from}?utm_source=mail`);
      expect(page.url(), from).toBe(`${baseUrl()}/courses/${SLUG}?utm_source=mail`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(TITLE);
      await page.close();
    }
    expect(course.slug).toBe(`${WORD.toLowerCase()}-pottery-basics`);
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no accessibility violations on the course page (${scheme})`, async () => {
      const context = await newContext({ colorScheme: scheme });
      const { page } = await openPage(context, `/courses/${SLUG}`);
      await expectNoViolations(page, `course page, ${scheme}`);
      // A demo course, with its drawn picture.
      await page.goto(`${baseUrl()}/courses/introduction-to-python`, { waitUntil: "load" });
      await page.locator("article header img").waitFor();
      await expectNoViolations(page, `demo course page, ${scheme}`);
      await context.close();
    });
  }

  it("fits a 360 px wide screen without horizontal scrolling or violations", async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 } });
    const { page } = await openPage(context, `/courses/${SLUG}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const wide = await page.evaluate(
      () => [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).length,
    );
    expect(wide).toBe(0);
    await expectNoViolations(page, "course page at 360 px");
    await context.close();
  });
});
