import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";

describe("home page in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  for (const scheme of ["light", "dark"] as const) {
    it(`shows the newest courses with no accessibility violations and no CSP errors (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(baseUrl(), { waitUntil: "load" });
      await waitForHydration(page);

      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Learn at your pace/);
      // The six newest published courses: the demo's, or those other test files published since (the order files run in
      // decides which), each a card with a link to its page.
      const courses = page.getByRole("list", { name: "New courses" }).getByRole("listitem");
      expect(await courses.count()).toBe(6);
      for (const card of await courses.all())
        expect(await card.getByRole("link").first().getAttribute("href")).toMatch(/^\/courses\/[a-z0-9-]+$/);
      expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).count()).toBe(1);

      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("fits a 360 px wide screen without horizontal scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(baseUrl(), { waitUntil: "load" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("reaches the main content with the keyboard through the skip link", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl(), { waitUntil: "load" });
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#main");
    await page.close();
  });
});
