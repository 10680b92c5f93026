import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueIp } from "../helpers/api-client";
import { demoAsset } from "../helpers/authoring";
import { baseUrl } from "../helpers/base-url";
import { signUpInContext } from "../helpers/browser-accounts";
import { afterQueuedTimers, axeViolations, launchBrowser, settleAnimations, waitForHydration, watchPageErrors } from "../helpers/browser";
import { solidPng } from "../helpers/png";

/**
 * An instructor authors a course in Chromium: creates it, builds the curriculum, reorders by keyboard (buttons and the
 * dnd-kit handle), writes a lesson with the live preview, uploads a video with a visible progress bar, attaches a PDF,
 * sets a thumbnail, publishes and previews; axe finds nothing on any of the pages, in light and dark.
 */

type Outline = [module: string, lessons: string[]][];
type Editor = { modules: { title: string; lessons: { title: string; videoKey: string | null; materials: unknown[] }[] }[] };

const uuid = "[0-9a-f-]{36}";

/** axe on the page as the user sees it once it is still: toasts on screen included. */
async function checkAxe(page: Page, what: string) {
  await settleAnimations(page);
  expect({ what, violations: await axeViolations(page) }).toEqual({ what, violations: [] });
}

/** Waits for the curriculum editor's live status line: the server has accepted the move. */
const moved = (page: Page, text: string) => page.getByText(text, { exact: true }).waitFor({ state: "attached" });

describe("course authoring in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let context: BrowserContext;
  const paths = { editor: "", lesson: "", preview: "" };

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    const name = "Marina Author";
    await signUpInContext(context, {
      name,
      email: `author-${randomUUID().slice(0, 8)}@example.test`,
      password: "a long and unusual passphrase",
      role: "INSTRUCTOR",
    });
  });
  afterAll(async () => {
    // The home page lists the six newest published courses; the demo's are expected there by home.test.ts.
    if (paths.editor) await context.request.delete(`/api${paths.editor}`);
    await close?.();
  });

  async function outline(courseId: string): Promise<Outline> {
    const response = await context.request.get(`/api/instructor/courses/${courseId}`);
    const { modules } = (await response.json()) as Editor;
    return modules.map((m) => [m.title, m.lessons.map((l) => l.title)]);
  }

  it("creates a course, builds and reorders its curriculum, uploads, publishes and previews it", async () => {
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto("/instructor");
    await waitForHydration(page);
    await checkAxe(page, "/instructor");
    await page.getByRole("link", { name: "New course" }).click();
    await page.waitForURL((url) => url.pathname === "/instructor/courses/new");
    await waitForHydration(page);
    await checkAxe(page, "new course");

    const details = page.getByRole("form", { name: "Course details" });
    await details.getByLabel("Title").fill("Tide pools");
    await details.getByLabel("Description").fill("What lives between the tides, and how to look without harm.");
    await details.getByRole("button", { name: "Create course" }).click();
    await page.waitForURL(new RegExp(`/instructor/courses/${uuid}$`));
    await waitForHydration(page);
    paths.editor = new URL(page.url()).pathname;
    const courseId = paths.editor.split("/").at(-1)!;

    // Two modules and three lessons, through the forms.
    const curriculum = page.getByRole("list", { name: "Modules" });
    for (const [index, title] of ["Shore life", "Deep water"].entries()) {
      await page.getByLabel("New module title").fill(title);
      await page.getByRole("button", { name: "Add module" }).click();
      await curriculum.getByRole("heading", { name: `Module ${index + 1}: ${title}` }).waitFor();
    }
    for (const [module, lesson] of [
      ["Shore life", "Crabs"],
      ["Shore life", "Anemones"],
      ["Deep water", "Squid"],
    ]) {
      const form = page.locator("form").filter({ has: page.getByLabel(`New lesson in ${module}`, { exact: true }) });
      await form.getByLabel(`New lesson in ${module}`).fill(lesson!);
      await form.getByRole("button", { name: "Add", exact: true }).click();
      await page
        .getByRole("list", { name: `Lessons of ${module}` })
        .getByRole("link", { name: lesson })
        .waitFor();
    }
    expect(await outline(courseId)).toEqual([
      ["Shore life", ["Crabs", "Anemones"]],
      ["Deep water", ["Squid"]],
    ]);

    // Reorder by keyboard: the Move buttons (Enter, then Space; the second step crosses into the next module)…
    await page.getByRole("button", { name: "Move lesson Crabs down" }).focus();
    await page.keyboard.press("Enter");
    await moved(page, "Lesson Crabs is now number 2 in module Shore life.");
    await page.getByRole("button", { name: "Move lesson Crabs down" }).focus();
    await page.keyboard.press("Space");
    await moved(page, "Lesson Crabs is now number 1 in module Deep water.");
    await page.getByRole("button", { name: "Move module Deep water up" }).focus();
    await page.keyboard.press("Enter");
    await moved(page, "Module Deep water is now number 1 of 2.");
    expect(await outline(courseId)).toEqual([
      ["Deep water", ["Crabs", "Squid"]],
      ["Shore life", ["Anemones"]],
    ]);
    // …and the dnd-kit handle: Space picks up, an arrow moves, Space drops.
    await page.getByRole("button", { name: "Drag lesson Crabs" }).focus();
    await page.keyboard.press("Space");
    // dnd-kit's own live region says where the lesson is after each key.
    await moved(page, "lesson Crabs is over lesson Crabs.");
    await afterQueuedTimers(page);
    await page.keyboard.press("ArrowDown");
    await moved(page, "lesson Crabs is over lesson Squid.");
    await page.keyboard.press("Space");
    await moved(page, "Lesson Crabs is now number 2 in module Deep water.");
    expect(await outline(courseId)).toEqual([
      ["Deep water", ["Squid", "Crabs"]],
      ["Shore life", ["Anemones"]],
    ]);
    await checkAxe(page, "editor");

    // A thumbnail made here: a real PNG.
    const thumbnail = page.getByRole("region", { name: "Course thumbnail" });
    await thumbnail
      .locator('input[type="file"]')
      .setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: solidPng(64, 36, [20, 120, 160]) });
    await thumbnail.getByRole("img", { name: "Current thumbnail" }).waitFor();
    // decode() waits for the image to load (an element on the page is not yet a loaded image) and fails if it cannot.
    expect(
      await thumbnail
        .getByRole("img", { name: "Current thumbnail" })
        .evaluate(async (img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).toBe(64);

    // The lesson editor: markdown with a live preview.
    await page.getByRole("link", { name: "Squid" }).click();
    await page.waitForURL(new RegExp(`/modules/${uuid}/lessons/${uuid}$`));
    await waitForHydration(page);
    paths.lesson = new URL(page.url()).pathname;
    await checkAxe(page, "lesson editor");
    const preview = page.getByRole("region", { name: "Preview" });
    await page
      .getByLabel("Content (markdown)")
      .fill("## Squid facts\n\n- **Three** hearts\n- Blue blood\n\n<script>window.pwned = 1</script>");
    await preview.getByRole("heading", { name: "Squid facts" }).waitFor();
    await expect(preview.locator("strong").textContent()).resolves.toBe("Three");
    expect(await preview.locator("script").count()).toBe(0);
    await page.getByRole("button", { name: "Save lesson" }).click();
    await page.getByText("Lesson saved.").waitFor();

    // The video: the PUT to storage is held until the progress bar has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/storage\/objects\/lessons\//, async (route) => {
      if (route.request().method() === "PUT") await held;
      await route.continue();
    });
    const videoField = page.getByRole("region", { name: "Lesson video" });
    await videoField.locator('input[type="file"]').setInputFiles({
      name: "sample-video.webm",
      mimeType: "video/webm",
      buffer: demoAsset("sample-video.webm"),
    });
    const progress = videoField.getByRole("progressbar", { name: "Uploading sample-video.webm" });
    await progress.waitFor({ state: "visible" });
    expect(Number(await progress.getAttribute("aria-valuenow"))).toBeLessThan(100);
    release();
    await videoField.getByRole("button", { name: "Remove" }).waitFor();
    await expect(videoField.getByText("sample-video.webm").count()).resolves.toBe(1);
    expect(await progress.count()).toBe(0);

    // A PDF material for the lesson.
    const materialField = page.getByRole("region", { name: "Add a lesson material" });
    await materialField.locator('input[type="file"]').setInputFiles({
      name: "sample-handout.pdf",
      mimeType: "application/pdf",
      buffer: demoAsset("sample-handout.pdf"),
    });
    await page.getByRole("list", { name: "Lesson materials" }).getByText("sample-handout.pdf").waitFor();
    await checkAxe(page, "lesson editor with a video and a material");

    const squid = ((await (await context.request.get(`/api/instructor/courses/${courseId}`)).json()) as Editor).modules[0]!.lessons[0]!;
    expect(squid).toMatchObject({ title: "Squid", videoKey: expect.stringMatching(/sample-video\.webm$/) });
    expect(squid.materials).toHaveLength(1);

    // Publish, then preview the course as learners will see it, in the new order.
    await page.getByRole("link", { name: "Back to the course" }).click();
    await page.waitForURL((url) => url.pathname === paths.editor);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("button", { name: "Unpublish" }).waitFor();
    await expect(page.getByRole("region", { name: "Publishing" }).getByText("Published", { exact: true }).count()).resolves.toBe(1);
    await page.getByRole("link", { name: "Preview as a learner" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/preview"));
    await waitForHydration(page);
    paths.preview = new URL(page.url()).pathname;
    const previewCurriculum = page.getByRole("region", { name: "Curriculum" });
    await expect(previewCurriculum.getByRole("heading", { level: 3 }).allTextContents()).resolves.toEqual([
      "Module 1: Deep water",
      "Module 2: Shore life",
    ]);
    await expect(previewCurriculum.locator("ol ol > li > span:first-child").allTextContents()).resolves.toEqual([
      "Squid",
      "Crabs",
      "Anemones",
    ]);
    await checkAxe(page, "preview");
    expect(errors).toEqual([]);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no accessibility violations on the authoring pages (${scheme})`, async () => {
      expect(paths.preview).not.toBe("");
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ["/instructor", "/instructor/courses/new", paths.editor, paths.lesson, paths.preview]) {
        await page.goto(path);
        await waitForHydration(page);
        expect(new URL(page.url()).pathname).toBe(path);
        await checkAxe(page, `${path} (${scheme})`);
      }
      expect(errors).toEqual([]);
    });
  }
});
