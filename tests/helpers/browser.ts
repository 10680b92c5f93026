import fs from "node:fs";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium, driven by playwright-core (never a downloaded browser build). */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error("Chromium is not installed: apt-get install chromium");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** Collects Content-Security-Policy violations and uncaught page errors (failed script loads, broken hydration). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Waits until React has hydrated the page (Next marks nothing, so wait for the router to be ready on window). */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => document.readyState === "complete" && "next" in window);
}

/**
 * Waits for running CSS transitions and finite animations to end (a toast sliding in is half transparent, which axe
 * reads as low contrast), for at most `timeoutMs`.
 */
export async function settleAnimations(page: Page, timeoutMs = 3000) {
  await page.evaluate(
    (ms) =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((resolve) => setTimeout(resolve, ms)),
      ]),
    timeoutMs,
  );
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

/** Runs axe-core (WCAG 2.1 A and AA) in the page; returns the violations, each with the selectors it found. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // After a soft navigation (the catalog's search updates the URL) Next.js re-renders the head and the <title> is
  // briefly absent; wait up to 5 s for it. A page that never gets one still reaches axe and fails on document-title.
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  // evaluate() goes through the DevTools protocol, so the page's CSP does not block the injected script.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

/** axe in the light and in the dark colour scheme, the page still (toasts included) each time; `where` names it. */
export async function axeInBothSchemes(
  page: Page,
  where: string,
): Promise<{ where: string; scheme: string; violations: AxeViolation[] }[]> {
  const found: { where: string; scheme: string; violations: AxeViolation[] }[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settleAnimations(page);
    const violations = await axeViolations(page);
    if (violations.length > 0) found.push({ where, scheme, violations });
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

/**
 * Every element of the page whose box reaches past the viewport's left or right edge, as "tag[label]: left..right".
 * Visually hidden text (the 1-pixel sr-only boxes, clipped and placed at -1 px) is left out: it is never seen.
 */
export async function elementsPastViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        const label = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40);
        past.push(`${element.tagName.toLowerCase()}[${label}]: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      }
    }
    return past;
  });
}

/**
 * elementsPastViewport, less the elements inside a box that scrolls sideways (overflow-x auto or scroll) and fits the
 * screen itself: a wide table in its own named scroll region (TableScroll) is how it should fit a phone. Matched by the
 * same "tag[label]: left..right" description.
 */
export async function elementsPastViewportOutsideScrollBoxes(page: Page): Promise<string[]> {
  const past = await elementsPastViewport(page);
  const inScrollBox = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const boxes = Array.from(document.body.querySelectorAll("*")).filter((e) => {
      const overflow = getComputedStyle(e).overflowX;
      const box = e.getBoundingClientRect();
      return (overflow === "auto" || overflow === "scroll") && box.left >= -0.5 && box.right <= width + 0.5;
    });
    return Array.from(document.body.querySelectorAll("*"))
      .filter((e) => boxes.some((b) => b !== e && b.contains(e)))
      .map((element) => {
        const box = element.getBoundingClientRect();
        const label = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40);
        return `${element.tagName.toLowerCase()}[${label}]: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`;
      });
  });
  const scrolled = new Set(inScrollBox);
  return past.filter((p) => !scrolled.has(p));
}

/**
 * Lets the page run the timers already queued. dnd-kit's keyboard sensor starts listening for arrow keys in a
 * setTimeout after the key that picks an item up: an arrow pressed before that timer runs is lost (a CI run under load
 * lost one). A zero timer queued after theirs runs after it.
 */
export async function afterQueuedTimers(page: Page) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
