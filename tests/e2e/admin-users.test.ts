import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";
import { signUpInContext } from "../helpers/browser-accounts";

/** A browser context with its own client address (rate limits are per IP) and a session made through the JSON API. */
async function signedInContext(browser: Browser, account: { email: string; password: string; name?: string; role?: "LEARNER" }) {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    extraHTTPHeaders: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
  });
  if (account.name) {
    await signUpInContext(context, { ...account, name: account.name });
  } else {
    const signIn = await context.request.post("/api/auth/signin", { data: account });
    expect(signIn.status()).toBe(200);
  }
  return context;
}

describe("admin user management in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let admin: BrowserContext;
  let learner: BrowserContext;
  const learnerEmail = `promote-${randomUUID().slice(0, 8)}@example.com`;

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    admin = await signedInContext(browser, { email: "admin@budhhub.test", password: "budhhub-demo" });
    learner = await signedInContext(browser, {
      name: "Priya Promoted",
      email: learnerEmail,
      password: "a long and unusual passphrase",
      role: "LEARNER",
    });
  });
  afterAll(async () => close?.());

  it("an admin makes a learner an instructor, and the learner sees the instructor area on the next page load", async () => {
    const learnerPage = await learner.newPage();
    await learnerPage.goto("/instructor");
    expect(new URL(learnerPage.url()).pathname).toBe("/dashboard");
    // Next's route announcer is an alert too, hence the filter.
    const notice = learnerPage.getByRole("alert").filter({ hasText: "does not have access" });
    await expect(notice.textContent()).resolves.toContain("does not have access to the instructor area");
    expect(await learnerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).count()).toBe(0);

    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/admin/users");
    await waitForHydration(page);
    await page.getByLabel("Name or e-mail").fill(learnerEmail);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=promote-/);
    const rows = page.getByRole("table", { name: "Users" }).getByRole("row");
    expect(await rows.count()).toBe(2); // header and the one match
    await page.getByRole("link", { name: "Priya Promoted" }).click();
    await page.waitForURL(/\/admin\/users\/[^/]+$/);
    await waitForHydration(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Role").selectOption("INSTRUCTOR");
    await page.getByRole("button", { name: "Save role" }).click();
    await page.getByText("Role changed to Instructor.").waitFor();

    await learnerPage.goto("/instructor");
    expect(new URL(learnerPage.url()).pathname).toBe("/instructor");
    await expect(learnerPage.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Instructor");
    expect(await learnerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("a disabled user is signed out on the next request, and the last admin cannot disable themself", async () => {
    const page = await admin.newPage();
    await page.goto("/admin/users?q=admin%40budhhub.test");
    await page.getByRole("table", { name: "Users" }).getByRole("link", { name: "Avery Admin" }).click();
    await page.waitForURL(/\/admin\/users\/[^/]+$/);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "last active admin" }).textContent()).resolves.toContain(
      "Make another user an admin first",
    );

    await page.goto(`/admin/users?q=${encodeURIComponent(learnerEmail)}`);
    await page.getByRole("table", { name: "Users" }).getByRole("link", { name: "Priya Promoted" }).click();
    await page.waitForURL(/\/admin\/users\/[^/]+$/);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Disable account" }).click();
    await page.getByRole("button", { name: "Enable account" }).waitFor();

    const learnerPage = await learner.newPage();
    await learnerPage.goto("/my-courses");
    expect(new URL(learnerPage.url()).pathname).toBe("/signin");
    expect((await learner.request.get("/api/profile")).status()).toBe(401);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no accessibility violations on the admin pages (${scheme})`, async () => {
      const page = await admin.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of [
        "/admin",
        "/admin/users",
        "/admin/users?role=LEARNER",
        "/admin/jobs",
        "/admin/jobs?state=queued",
        "/dashboard",
        "/instructor",
        "/my-courses",
      ]) {
        await page.goto(path);
        expect(new URL(page.url()).pathname).toBe(path.split("?")[0]);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
    });
  }
});
