import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";
import { axeInBothSchemes, elementsPastViewport, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";

/**
 * An admin closes sign-up to invitations in the settings page, and a visitor's sign-up page says so. Browser test files
 * run one after another, but on the run's shared server: the policy is set back to "open" in a finally (and again in
 * afterAll) so that the files after this one can sign people up.
 */

const ADMIN = { email: "admin@budhhub.test", password: "budhhub-demo" };
const address = () => `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("the sign-up policy in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let admin: BrowserContext;

  const reopen = async () => {
    const response = await admin.request.patch("/api/admin/settings", { data: { signupPolicy: "open" } });
    expect(response.status()).toBe(200);
  };

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    admin = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    expect((await admin.request.post("/api/auth/signin", { data: ADMIN })).status()).toBe(200);
  });
  afterAll(async () => {
    try {
      if (admin) await reopen();
    } finally {
      await close?.();
    }
  });

  it('an admin sets "invitation only" in the settings page, and a visitor\'s sign-up page says so and shows no form', async () => {
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    try {
      await page.goto("/admin");
      await page.getByRole("link", { name: "Settings", exact: true }).click();
      await page.waitForURL(/\/admin\/settings$/);
      await waitForHydration(page);
      expect(await axeInBothSchemes(page, "settings")).toEqual([]);

      // "Only listed domains" with no domain is refused, and says why.
      await page.getByRole("radio", { name: /Only addresses of listed domains/ }).check();
      await page.getByLabel("Allowed domains").fill("");
      await page.getByRole("button", { name: "Save sign-up settings" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "at least one domain" }).textContent()).resolves.toMatch(
        /at least one domain/,
      );
      expect(await axeInBothSchemes(page, "settings with an error")).toEqual([]);

      await page.getByRole("radio", { name: /Invitation only/ }).check();
      await page.getByRole("button", { name: "Save sign-up settings" }).click();
      await page.getByText("Sign-up settings saved.").waitFor();

      const visitor = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
      const signup = await visitor.newPage();
      await signup.goto("/signup");
      await signup.getByText("Sign-up is by invitation only.").waitFor();
      expect(await signup.locator("form").count()).toBe(0);
      expect(await signup.getByLabel("Password").count()).toBe(0);
      await visitor.close();

      // At 360 px nothing of the settings page is past the screen.
      await page.setViewportSize({ width: 360, height: 800 });
      await page.reload();
      await waitForHydration(page);
      expect(await page.getByRole("radio", { name: /Invitation only/ }).isChecked()).toBe(true);
      expect(await elementsPastViewport(page)).toEqual([]);
      expect(await axeInBothSchemes(page, "settings at 360 px")).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await reopen();
    }
    const visitor = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": address() } });
    const signup = await visitor.newPage();
    await signup.goto("/signup");
    expect(await signup.getByLabel("Password").count()).toBeGreaterThan(0);
    await visitor.close();
  });

  it("an admin sends a user a password-reset link from their page, which shows the last sign-in", async () => {
    const listed = await admin.request.get("/api/admin/users?role=LEARNER");
    const user = ((await listed.json()) as { users: { id: string; email: string }[] }).users[0]!;
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/admin/users/${user.id}`);
    await waitForHydration(page);
    await page
      .getByText(/last signed in|never signed in/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Send a password-reset link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "password-reset link is on its way" }).textContent()).resolves.toContain(
      user.email,
    );
    expect(await axeInBothSchemes(page, "user page after sending a reset link")).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewport(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
