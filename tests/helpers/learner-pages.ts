import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { baseUrl } from "./base-url";
import { waitForHydration, watchPageErrors } from "./browser";

/** The player's URL for a lesson. */
export const playerUrl = (courseId: string, lessonId: string) => `/my-courses/${courseId}/lessons/${lessonId}`;

/** Opens a page of the test server in a new tab and waits until it is hydrated; collects its CSP and script errors. */
export async function openPage(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const response = await page.goto(`${baseUrl()}${url}`, { waitUntil: "load" });
  await waitForHydration(page);
  return { page, errors, response };
}

/** Opens a lesson in the player as an enrolled learner, and waits until the player has recorded the visit. */
export async function openLesson(context: BrowserContext, courseId: string, lessonId: string) {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const visit = page.waitForResponse((r) => r.url().endsWith(`/lessons/${lessonId}/opened`) && r.request().method() === "POST");
  const response = await page.goto(`${baseUrl()}${playerUrl(courseId, lessonId)}`, { waitUntil: "load" });
  await waitForHydration(page);
  expect((await visit).status()).toBe(200);
  return { page, errors, response };
}

/** The player's <video> once its signed src is set and its metadata (and any resume seek) has loaded. */
export async function waitForVideo(page: Page) {
  await page.waitForFunction(() => {
    const video = document.querySelector("video");
    return video !== null && video.currentSrc !== "" && video.readyState >= 1 && !video.seeking;
  });
}

/** Plays the player's video (muted: headless Chromium plays muted video without a gesture) for `seconds`. */
export async function playVideoFor(page: Page, seconds: number) {
  await page.evaluate(async () => {
    const video = document.querySelector("video")!;
    video.muted = true;
    await video.play();
  });
  await page.waitForFunction((s) => document.querySelector("video")!.currentTime >= s, seconds, { timeout: 20_000 });
}
