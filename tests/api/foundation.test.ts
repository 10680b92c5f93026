import { describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";

const get = (path: string, init?: RequestInit) => fetch(`${baseUrl()}${path}`, { redirect: "manual", ...init });

describe("foundation over HTTP", () => {
  it("reports health with db and storage", async () => {
    const response = await get("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", storage: "ok" });
  });

  it("shows published demo courses from the database on the home page and in the catalog, never the draft", async () => {
    // Other test files may publish newer courses, which push demo courses off the home page's six newest; the catalog
    // search finds each wherever it is.
    const home = await (await get("/")).text();
    expect(home).toContain("New courses");
    expect(home).not.toContain("Machine Learning Foundations");
    const titles = async (q: string) =>
      ((await (await get(`/api/courses?q=${encodeURIComponent(q)}`)).json()) as { courses: { title: string }[] }).courses.map(
        (c) => c.title,
      );
    for (const title of ["Introduction to Python", "SQL for Analysts", "TypeScript in Practice"]) {
      expect(await titles(title)).toContain(title);
    }
    expect(await titles("Machine Learning Foundations")).toEqual([]);
  });

  it("sends the security headers on pages, API routes and static files", async () => {
    const page = await get("/");
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    // Every script Next renders carries this request's nonce.
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce on every request.
    const again = (await get("/")).headers.get("content-security-policy");
    expect(again).not.toBe(csp);

    const staticPath = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(staticPath).toBeTruthy();
    for (const response of [page, await get("/api/health"), await get(staticPath!)]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    }
  });

  it("gives every response a request id, and keeps a well-formed one from upstream", async () => {
    const fresh = await get("/api/health");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await get("/api/health", { headers: { "x-request-id": "lb-trace-0001" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-trace-0001");
    const replaced = await get("/api/health", { headers: { "x-request-id": "bad id\twith tabs" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown page with the not-found page in the app shell", async () => {
    const response = await get("/no-such-page");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Page not found");
    expect(html).toContain("Skip to content");
  });

  it("serves the data-free about page used as the bench baseline", async () => {
    const response = await get("/about");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("About BudhHub");
  });
});
