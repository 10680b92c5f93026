import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, uniqueIp, type Account } from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { axeInBothSchemes, launchBrowser, waitForHydration } from "../helpers/browser";
import { signInContext } from "../helpers/browser-accounts";
import { buildCourse, type BuiltCourse } from "../helpers/learning-fixtures";
import { openPage, playerUrl, playVideoFor, waitForVideo } from "../helpers/learner-pages";

/**
 * An instructor previews a draft course as a learner, in Chromium: "Preview as a learner", then every lesson with its
 * video, handout and content, before publishing, without enrolling and without anything recorded; labelled as a
 * preview, and without axe violations in light and dark.
 */

const TITLE = `Preview pottery ${Math.floor(Math.random() * 1e6)}`;

describe("the learner preview in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let instructor: Account;
  let course: Required<BuiltCourse>;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    instructor = await newAccount("INSTRUCTOR", "preview-author");
    course = (await buildCourse(instructor.client, { title: TITLE, lessons: 3, media: true, publish: false })) as Required<BuiltCourse>;
  }, 120_000);

  afterAll(async () => {
    if (course) await instructor.client.request("DELETE", `/api/instructor/courses/${course.courseId}`);
    await close?.();
  });

  it("opens every lesson of a draft, with its video and handout, as a learner sees it, and records nothing", async () => {
    const { courseId, lessonIds } = course;
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    await signInContext(context, instructor);
    const { page, errors } = await openPage(context, `/instructor/courses/${courseId}`);
    const writes: string[] = [];
    page.on("request", (r) => {
      if (r.method() !== "GET" && r.method() !== "HEAD") writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });

    await page.getByRole("link", { name: "Preview as a learner" }).click();
    await page.waitForURL((url) => url.pathname === `/instructor/courses/${courseId}/preview`);
    await waitForHydration(page);
    await expect(page.getByRole("note").getByText("Preview.").count()).resolves.toBe(1);
    expect(await axeInBothSchemes(page, "course preview")).toEqual([]);

    // The first lesson: labelled as a preview, its video plays through a signed URL, its handout downloads.
    await page.getByRole("link", { name: "Start the preview" }).click();
    const lessonPath = (id: string) => `/instructor/courses/${courseId}/preview/lessons/${id}`;
    await page.waitForURL((url) => url.pathname === lessonPath(lessonIds[0]!));
    await waitForHydration(page);
    await expect(page.getByRole("note").getByText("Preview.").count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe(`Preview: Lesson 1 · ${TITLE} · BudhHub`);
    await waitForVideo(page);
    await playVideoFor(page, 1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("list", { name: "Lesson materials" }).getByRole("button").first().click(),
    ]);
    expect(download.suggestedFilename()).toBe("lesson-handout.pdf");
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    await expect(page.getByRole("list", { name: "Course materials" }).getByRole("button").count()).resolves.toBe(1);
    const curriculum = page.getByRole("navigation", { name: "Curriculum" });
    await expect(curriculum.getByRole("img", { name: "handouts" }).count()).resolves.toBe(1);
    await expect(page.getByText("The content of lesson 1.").count()).resolves.toBe(1);
    expect(await axeInBothSchemes(page, "lesson preview with a video")).toEqual([]);

    // Marking complete shows what a learner sees, on this page only.
    await page.getByRole("button", { name: "Mark complete", exact: true }).click();
    await page.getByRole("button", { name: "Mark as not complete" }).waitFor();
    await expect(page.getByRole("progressbar", { name: `Progress in ${TITLE}` }).getAttribute("aria-valuenow")).resolves.toBe("33");

    // Every other lesson, walking with Next; the curriculum links stay in the preview.
    for (const [index, lessonId] of lessonIds.entries()) {
      if (index === 0) continue;
      await page.getByRole("link", { name: /^Next/ }).click();
      await page.waitForURL((url) => url.pathname === lessonPath(lessonId));
      await page.getByRole("heading", { level: 1, name: `Lesson ${index + 1}` }).waitFor();
      await expect(page.getByText(`The content of lesson ${index + 1}.`).count()).resolves.toBe(1);
      await expect(curriculum.getByRole("link", { name: /^Lesson 1/ }).getAttribute("href")).resolves.toBe(lessonPath(lessonIds[0]!));
    }
    expect(await axeInBothSchemes(page, "lesson preview without a video")).toEqual([]);
    await page.getByRole("link", { name: "Back to the editor" }).first().click();
    await page.waitForURL((url) => url.pathname === `/instructor/courses/${courseId}`);

    // Nothing was written: no request but reads, no enrollment, and the course is still a draft nobody is in.
    expect(writes).toEqual([]);
    const mine = await context.request.get(`${baseUrl()}/api/my-courses`);
    expect(((await mine.json()) as { courses: unknown[] }).courses).toEqual([]);
    const editor = await context.request.get(`${baseUrl()}/api/instructor/courses/${courseId}`);
    expect(await editor.json()).toMatchObject({ course: { isPublished: false, enrollmentCount: 0 } });

    // The learner's player sends an editor who is not enrolled to the preview of the same lesson.
    await page.goto(`${baseUrl()}${playerUrl(courseId, lessonIds[1]!)}`, { waitUntil: "load" });
    expect(new URL(page.url()).pathname).toBe(lessonPath(lessonIds[1]!));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is for the course's editors: another instructor and a learner do not get it", async () => {
    for (const role of ["INSTRUCTOR", "LEARNER"] as const) {
      const other = await newAccount(role, "preview-other");
      const answer = await other.client.get(`/instructor/courses/${course.courseId}/preview/lessons/${course.lessonIds[0]}`);
      expect(answer.status === 404 || answer.location?.startsWith("/dashboard?denied=")).toBe(true);
    }
  });
});
