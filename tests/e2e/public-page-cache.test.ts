import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl as base } from "../helpers/base-url";
import { launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";

/**
 * A visitor's public pages come from the public page cache (src/lib/http/public-page-cache.ts) with a CSP that allows
 * Next's own inline scripts by their hashes and nothing else inline: the page hydrates, and a script put into the
 * cached page on the wire does not run.
 */

const baseUrl = (path: string) => `${base()}${path}`;
const scriptSrc = (csp: string | null) =>
  csp
    ?.split(";")
    .find((d) => d.trim().startsWith("script-src"))
    ?.trim() ?? "";

async function aCoursePath(): Promise<string> {
  const html = await (await fetch(baseUrl("/courses"), { headers: { accept: "text/html" } })).text();
  const path = /href="(\/courses\/[a-z0-9-]+)"/.exec(html)?.[1];
  if (!path) throw new Error("the catalog lists no course");
  return path;
}

describe("public pages from the cache in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  it("serves home, catalog, a course page and about with hashes, no nonce and no 'unsafe-inline', and they hydrate", async () => {
    for (const path of ["/about", "/", "/courses", await aCoursePath()]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      const response = await page.goto(baseUrl(path), { waitUntil: "load" });
      const policy = scriptSrc(response!.headers()["content-security-policy"] ?? null);
      expect(policy, path).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
      expect(await response!.text(), path).not.toMatch(/nonce=/);
      await waitForHydration(page);
      expect(errors, path).toEqual([]);
      await context.close();
    }
  });

  it("blocks an inline script injected into a cached page, and the page still hydrates", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    let served = "";
    await page.route(baseUrl("/about"), async (route) => {
      const response = await route.fetch();
      served = scriptSrc(response.headers()["content-security-policy"] ?? null);
      const body = (await response.text()).replace(/<body([^>]*)>/, "<body$1><script>window.__pwned=1</script>");
      await route.fulfill({ response, body });
    });
    await page.goto(baseUrl("/about"), { waitUntil: "load" });
    await waitForHydration(page);

    expect(served).toMatch(/'sha256-/); // the cached page's policy, not a per-request nonce
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Content Security Policy/);
    expect(errors[0]).toMatch(/inline script/i);
    await context.close();
  });

  it("navigates from a cached page on the client (the router's RSC requests are not answered with the cached HTML)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(baseUrl("/about"), { waitUntil: "load" });
    await waitForHydration(page);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    await page.waitForURL(baseUrl("/courses"));
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Course catalog");
    // A client navigation keeps the document; a full page load would have dropped the mark.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("renders an unknown course's page per request: a 404 is not cached", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(baseUrl("/courses/no-such-course-here"), { headers: { accept: "text/html" } });
      expect(response.status).toBe(404);
      expect(scriptSrc(response.headers.get("content-security-policy"))).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    }
  });

  it("renders per request, with a nonce, for a request that carries a session cookie", async () => {
    const response = await fetch(baseUrl("/about"), {
      headers: { accept: "text/html", cookie: "authjs.session-token=not-a-session" },
    });
    expect(response.status).toBe(200);
    expect(scriptSrc(response.headers.get("content-security-policy"))).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  });
});
