import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser, waitForHydration, watchPageErrors } from "../helpers/browser";
import { signUpInContext } from "../helpers/browser-accounts";

const DEMO_PASSWORD = "budhhub-demo";

let ipCounter = 0;
/** Rate limits count per X-Forwarded-For address: every context gets its own, so tests never share a limit. */
function uniqueIp() {
  ipCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${ipCounter}`;
}

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

/** The link in the newest outbox mail to `to` (quoted-printable, as nodemailer writes it), waiting for it to arrive. */
async function linkFromOutbox(to: string, pathPart: string): Promise<string> {
  const dataDir = process.env.TEST_DATA_DIR;
  if (!dataDir) throw new Error("TEST_DATA_DIR is not set: run with `npm run test:e2e`.");
  const mailDir = path.join(dataDir, "mail");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = fs.existsSync(mailDir)
      ? fs
          .readdirSync(mailDir)
          .filter((f) => f.endsWith(".eml") && f.includes(to))
          .sort()
      : [];
    const newest = files.at(-1);
    if (newest) {
      const decoded = fs
        .readFileSync(path.join(mailDir, newest), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const link = decoded.match(/https?:\/\/[^\s"<>]+/g)?.find((url) => url.includes(pathPart));
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} with a ${pathPart} link in ${mailDir}`);
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function openPage(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(`${baseUrl()}${url}`, { waitUntil: "load" });
  await waitForHydration(page);
  return { page, errors };
}

describe("account pages in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  const newContext = (options: Parameters<Browser["newContext"]>[0] = {}) =>
    browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  it("signs up, confirms the address from the mailed link, asks to teach, and teaches once an admin approves", async () => {
    const context = await newContext();
    const email = uniqueEmail("instructor");
    const { page, errors } = await openPage(context, "/signup");
    const form = page.getByRole("form", { name: "Create your account" });
    await form.getByLabel("Name").fill("Nadia New");
    await form.getByLabel("Email").fill(email);
    // The password rules are shown before typing, and the server's schema refuses a short one in the browser.
    await expect(form.getByText("At least 10 characters, and not a common password.").isVisible()).resolves.toBe(true);
    await form.getByLabel("Password").fill("short");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "Use at least 10 characters." }).count()).resolves.toBe(1);

    await form.getByLabel("Password").fill("a long enough passphrase");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/check-email");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email");
    await expect(page.getByText(email).count()).resolves.toBe(1);

    // The verification mail, from the outbox: its page confirms the address and signs in.
    await page.goto(await linkFromOutbox(email, "/verify-email?token="), { waitUntil: "load" });
    await waitForHydration(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.waitForURL((url) => url.pathname === "/onboarding");
    await waitForHydration(page);

    const onboarding = page.getByRole("form", { name: "Set up your account" });
    await expect(onboarding.getByLabel("Name").inputValue()).resolves.toBe("Nadia New");
    // Submitting without a choice says so.
    await onboarding.getByRole("button", { name: "Continue" }).click();
    await expect(onboarding.getByRole("alert").filter({ hasText: "Choose to learn or to teach." }).count()).resolves.toBe(1);
    await onboarding.getByRole("radio", { name: "I want to teach" }).check();
    await onboarding.getByLabel("Why do you want to teach? (optional)").fill("I teach statistics to nurses.");
    expect(await axeViolations(page)).toEqual([]);
    await onboarding.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await page.getByRole("status").filter({ hasText: "Your request to teach is waiting for an admin." }).waitFor();
    // Still a learner: no instructor area, and the banner asks for nothing (the address is confirmed).
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Nadia New" }).count()).resolves.toBe(1);
    await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).count()).resolves.toBe(0);
    await expect(page.getByRole("region", { name: "Confirm your e-mail address" }).count()).resolves.toBe(0);

    // An admin approves on /admin/instructor-requests.
    const adminContext = await newContext();
    const admin = await openPage(adminContext, "/signin?callbackUrl=%2Fadmin%2Finstructor-requests");
    const signIn = admin.page.getByRole("form", { name: "With your password" });
    await signIn.getByLabel("Email").fill("admin@budhhub.test");
    await signIn.getByLabel("Password").fill(DEMO_PASSWORD);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await admin.page.waitForURL((url) => url.pathname === "/admin/instructor-requests");
    await waitForHydration(admin.page);
    await admin.page.getByText("I teach statistics to nurses.").waitFor();
    expect(await axeViolations(admin.page)).toEqual([]);
    await admin.page.getByRole("button", { name: "Approve Nadia New" }).click();
    await admin.page.getByText("Nadia New can now teach.").waitFor();
    expect(admin.errors).toEqual([]);
    await adminContext.close();

    // The user's next visit says so, and opens the instructor area.
    await page.reload({ waitUntil: "load" });
    await waitForHydration(page);
    const notice = page.getByRole("region", { name: "Your request to teach" });
    await notice.getByText("An admin approved your request to teach.").waitFor();
    await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instructor" }).count()).resolves.toBe(1);
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await notice.waitFor({ state: "detached" });
    await page.reload({ waitUntil: "load" });
    await expect(page.getByRole("region", { name: "Your request to teach" }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers a sign-up with a known address with the same page, and mails its owner instead", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, "/signup");
    const form = page.getByRole("form", { name: "Create your account" });
    await form.getByLabel("Name").fill("Impostor");
    await form.getByLabel("Email").fill("learner2@budhhub.test");
    await form.getByLabel("Password").fill("a long enough passphrase");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/check-email");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email");
    await expect(page.getByText("learner2@budhhub.test").count()).resolves.toBe(1);
    // The same words as for a new address, and no session.
    await expect(page.getByText("If the address is new to BudhHub").count()).resolves.toBe(1);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" }).count()).resolves.toBe(1);
    expect(await linkFromOutbox("learner2@budhhub.test", "/forgot-password")).toBe(`${baseUrl()}/forgot-password`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an ADMIN_EMAILS address that signs up with a password is not an admin until it confirms the address", async () => {
    // tests/run-with-server.ts starts the app with ADMIN_EMAILS=first-admin@example.test.
    const email = "first-admin@example.test";
    const context = await newContext();
    const headers = { origin: baseUrl() };
    expect(
      (
        await context.request.post(`${baseUrl()}/api/auth/signup`, {
          data: { name: "Root", email, password: "a long enough passphrase" },
          headers,
        })
      ).status(),
    ).toBe(202);
    expect(
      (
        await context.request.post(`${baseUrl()}/api/auth/signin`, { data: { email, password: "a long enough passphrase" }, headers })
      ).status(),
    ).toBe(200);
    expect((await context.request.post(`${baseUrl()}/api/onboarding`, { data: { name: "Root", role: "LEARNER" }, headers })).status()).toBe(
      200,
    );
    const { page, errors } = await openPage(context, "/admin");
    expect(pathOf(page)).toBe("/dashboard");
    await page.getByRole("alert").filter({ hasText: "does not have access to the admin area" }).waitFor();
    // The banner offers a new link; the first one still works.
    const banner = page.getByRole("region", { name: "Confirm your e-mail address" });
    await banner.getByRole("button", { name: "Send a new link" }).click();
    await banner
      .getByRole("status")
      .filter({ hasText: `We have sent a new link to ${email}.` })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(await linkFromOutbox(email, "/verify-email?token="), { waitUntil: "load" });
    await waitForHydration(page);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await page.goto(`${baseUrl()}/admin`, { waitUntil: "load" });
    expect(pathOf(page)).toBe("/admin");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Admin");
    expect(errors).toEqual([]);
    // The platform had one admin before; the other browser tests expect that (the last admin cannot disable themself).
    const me = (await (await context.request.get(`${baseUrl()}/api/profile`)).json()) as { user: { id: string } };
    const demoted = await context.request.patch(`${baseUrl()}/api/admin/users/${me.user.id}`, { data: { role: "LEARNER" }, headers });
    expect(demoted.status()).toBe(200);
    await context.close();
  });

  it("keeps every hostile callbackUrl on the site, signed in and signed out", async () => {
    const hostile = [
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r/evil.test",
      "/\\evil.test",
      "/\\/evil.test",
      "//evil.test",
      "\\\\evil.test",
      "%2F%2Fevil.test",
      "/.//evil.test",
      "/\u3002/evil.test",
      "javascript:alert(1)",
    ];
    // Signed out: the form sends the user wherever callbackUrl says, after a right password. A fresh browser each time,
    // two demo learners in turn (sign-in is limited to 10 a minute per address and per account).
    for (const [i, value] of hostile.entries()) {
      const context = await newContext();
      const { page, errors } = await openPage(context, `/signin?callbackUrl=${encodeURIComponent(value)}`);
      const form = page.getByRole("form", { name: "With your password" });
      await form.getByLabel("Email").fill(i % 2 ? "learner4@budhhub.test" : "learner5@budhhub.test");
      await form.getByLabel("Password").fill(DEMO_PASSWORD);
      await form.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/signin");
      expect({ value, origin: new URL(page.url()).origin }).toEqual({ value, origin: baseUrl() });
      expect(errors).toEqual([]);
      // Signed in: the sign-in and sign-up pages redirect straight away.
      for (const pagePath of ["/signin", "/signup"]) {
        const response = await page.goto(`${baseUrl()}${pagePath}?callbackUrl=${encodeURIComponent(value)}`);
        // Where it lands may be a page that does not exist ("/%2F%2Fevil.test"): on this site, all the same.
        const landed = { value, pagePath, answered: [200, 404].includes(response?.status() ?? 0), origin: new URL(page.url()).origin };
        expect(landed).toEqual({ value, pagePath, answered: true, origin: baseUrl() });
      }
      await context.close();
    }
  });

  it("refuses a wrong password with the generic message, then signs the demo learner in and returns to callbackUrl", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, "/signin?callbackUrl=%2Fprofile");
    const form = page.getByRole("form", { name: "With your password" });
    await form.getByLabel("Email").fill("learner1@budhhub.test");
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    const alert = form.getByRole("alert").filter({ hasText: "Wrong e-mail address or password." });
    await alert.waitFor();
    expect(pathOf(page)).toBe("/signin");

    await form.getByLabel("Password").fill(DEMO_PASSWORD);
    await form.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/profile");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your profile");
    await expect(page.getByText("learner1@budhhub.test").count()).resolves.toBe(1);

    // Signed in, the sign-in page sends the visitor on.
    await page.goto(`${baseUrl()}/signin?callbackUrl=%2Fcourses`);
    expect(pathOf(page)).toBe("/courses");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("resets a forgotten password through the mailed link, then signs in with the new one", async () => {
    const email = "learner3@budhhub.test";
    const newPassword = "a brand new passphrase 42";
    const context = await newContext();
    const { page, errors } = await openPage(context, "/forgot-password");
    const form = page.getByRole("form", { name: "Reset your password" });
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Send me a reset link" }).click();
    await page.getByRole("status").filter({ hasText: "If an account exists for that address" }).waitFor();

    const link = await linkFromOutbox(email, "/reset-password?token=");
    await page.goto(link, { waitUntil: "load" });
    await waitForHydration(page);
    const reset = page.getByRole("form", { name: "Choose a new password" });
    await reset.getByLabel("New password", { exact: true }).fill(newPassword);
    await reset.getByLabel("New password again").fill("something else entirely");
    await reset.getByRole("button", { name: "Set new password" }).click();
    await expect(reset.getByRole("alert").filter({ hasText: "The two passwords are not the same." }).count()).resolves.toBe(1);
    await reset.getByLabel("New password again").fill(newPassword);
    await reset.getByRole("button", { name: "Set new password" }).click();
    await page.getByRole("status").filter({ hasText: "Your password has been changed" }).waitFor();

    // The link works once.
    await page.goto(link, { waitUntil: "load" });
    await waitForHydration(page);
    await reset.getByLabel("New password", { exact: true }).fill("yet another passphrase 7");
    await reset.getByLabel("New password again").fill("yet another passphrase 7");
    await reset.getByRole("button", { name: "Set new password" }).click();
    await reset.getByRole("alert").filter({ hasText: "not valid or has expired" }).waitFor();
    await expect(reset.getByRole("link", { name: "Ask for a new reset link" }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl()}/signin?callbackUrl=%2Fprofile`, { waitUntil: "load" });
    await waitForHydration(page);
    const signIn = page.getByRole("form", { name: "With your password" });
    await signIn.getByLabel("Email").fill(email);
    await signIn.getByLabel("Password").fill(newPassword);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/profile");
    expect(errors).toEqual([]);
    await context.close();
  });

  /** Asks for a sign-in link on /signin (returning to /profile) and gives back the link from the outbox. */
  async function requestMagicLink(context: BrowserContext, email: string) {
    const { page, errors } = await openPage(context, "/signin?callbackUrl=%2Fprofile");
    const form = page.getByRole("form", { name: "Or get a sign-in link by email" });
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.waitForURL((url) => url.pathname === "/check-email");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email");
    await expect(page.getByText(email).count()).resolves.toBe(1);
    return { page, errors, link: await linkFromOutbox(email, "/api/auth/callback/nodemailer") };
  }

  it("signs in with a magic link read from the outbox, which works once", async () => {
    const context = await newContext();
    const { page, errors, link } = await requestMagicLink(context, "learner4@budhhub.test");
    await page.goto(link, { waitUntil: "load" });
    // Where the link lands is checked in the next test; here: the session it started.
    await page.goto(`${baseUrl()}/profile`, { waitUntil: "load" });
    expect(pathOf(page)).toBe("/profile");
    await expect(page.getByRole("banner").getByRole("link", { name: "Margaret Hamilton" }).count()).resolves.toBe(1);

    // Used once: a second visit does not sign in, and the sign-in page says why.
    const other = await newContext();
    const second = await other.newPage();
    await second.goto(link, { waitUntil: "load" });
    expect(pathOf(second)).toBe("/signin");
    await second.getByRole("alert").filter({ hasText: "expired or was already used" }).waitFor();
    await second.goto(`${baseUrl()}/profile`, { waitUntil: "load" });
    expect(pathOf(second)).toBe("/signin");
    expect(errors).toEqual([]);
    await other.close();
    await context.close();
  });

  // Known failure in code outside these pages: Auth.js takes its base URL from Next's request URL, where Next rewrites
  // 127.0.0.1 to "localhost", so the callback on the test server's APP_URL (http://127.0.0.1:PORT) finds the callbackUrl
  // on another origin and sends the browser to http://localhost:PORT/ instead. Remove `.fails` once it is fixed.
  it("returns to the callbackUrl after the magic link", async () => {
    const context = await newContext();
    try {
      const { page, link } = await requestMagicLink(context, "learner5@budhhub.test");
      await page.goto(link, { waitUntil: "load" });
      expect(page.url()).toBe(`${baseUrl()}/profile`);
    } finally {
      await context.close();
    }
  });

  it("works with the keyboard alone: a validation error focuses the field and is announced, then Enter signs in", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, "/signin?callbackUrl=%2Fprofile");
    const form = page.getByRole("form", { name: "With your password" });
    const emailId = await form.getByLabel("Email").getAttribute("id");
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((id) => document.activeElement?.id === id, emailId)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(emailId);

    await page.keyboard.type("learner2@budhhub");
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");

    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        const describedBy = element?.getAttribute("aria-describedby") ?? "";
        const descriptions = describedBy.split(" ").map((id) => document.getElementById(id));
        return {
          id: element?.id,
          invalid: element?.getAttribute("aria-invalid"),
          alerts: descriptions.filter((d) => d?.getAttribute("role") === "alert").map((d) => d!.textContent),
        };
      });
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-invalid") === "true");
    expect(await focused()).toEqual({ id: emailId, invalid: "true", alerts: ["Enter a valid e-mail address."] });

    await page.keyboard.type(".test");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/profile");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("says what it is doing while it submits, and shows rate limits and lost connections in the form's alert", async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context, "/signin");
    const form = page.getByRole("form", { name: "With your password" });
    const email = uniqueEmail("limited");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill("some password");

    // While the request runs the button is disabled and says so.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/auth/signin", async (route) => {
      await held;
      await route.continue();
    });
    await form.getByRole("button", { name: "Sign in" }).click();
    const busy = form.getByRole("button", { name: "Signing in…" });
    await busy.waitFor();
    await expect(busy.isDisabled()).resolves.toBe(true);
    release();
    await form.getByRole("alert").filter({ hasText: "Wrong e-mail address or password." }).waitFor();
    await page.unroute("**/api/auth/signin");

    // The same address and IP (this context's X-Forwarded-For) use up the limit of 10 a minute. The window is a fixed
    // minute, so on a slow machine it can turn over between the last request and the click: then try again.
    let alertText = "";
    for (let attempt = 0; attempt < 3 && !/Try again in/.test(alertText); attempt++) {
      for (let i = 0; i < 20; i++) {
        const answer = await context.request.post(`${baseUrl()}/api/auth/signin`, { data: { email, password: "some password" } });
        if (answer.status() === 429) break;
      }
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/auth/signin")),
        form.getByRole("button", { name: "Sign in" }).click(),
      ]);
      const expected = response.status() === 429 ? /Try again in/ : /Wrong e-mail address/;
      await form.getByRole("alert").filter({ hasText: expected }).waitFor();
      alertText = (await form.getByRole("alert").first().textContent()) ?? "";
    }
    expect(alertText).toMatch(/Too many sign-in attempts\. Try again in \d+ (second|minute)s?\./);

    await page.route("**/api/auth/signin", (route) => route.abort("internetdisconnected"));
    await form.getByRole("button", { name: "Sign in" }).click();
    await form.getByRole("alert").filter({ hasText: "Could not reach the server. Check your connection and try again." }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  describe("has no accessibility violations", () => {
    const pages = [
      "/signin",
      "/signup",
      "/forgot-password",
      "/reset-password?token=x",
      "/reset-password",
      "/check-email?email=someone%40example.test",
      "/check-email?for=signup&email=someone%40example.test",
      "/verify-email?token=not-a-real-token-but-long-enough",
      "/verify-email",
      "/confirm-email?token=not-a-real-token-but-long-enough",
    ];

    for (const scheme of ["light", "dark"] as const) {
      it(`on the signed-out account pages, with their errors showing (${scheme})`, async () => {
        const context = await newContext({ colorScheme: scheme });
        for (const url of pages) {
          const { page, errors } = await openPage(context, url);
          expect({ url, violations: await axeViolations(page) }).toEqual({ url, violations: [] });
          // The same page with its validation errors on.
          const submit = page.locator('form button[type="submit"]').first();
          if ((await submit.count()) > 0) {
            await submit.click();
            await page.locator('[aria-invalid="true"], [role="alert"]:not(:empty)').first().waitFor();
            expect({ url, invalid: await axeViolations(page) }).toEqual({ url, invalid: [] });
          }
          expect({ url, errors }).toEqual({ url, errors: [] });
          await page.close();
        }
        await context.close();
      });

      it(`on onboarding and profile, signed in as a new user (${scheme})`, async () => {
        const context = await newContext({ colorScheme: scheme });
        await signUpInContext(context, { name: "Axe Tester", email: uniqueEmail(`axe-${scheme}`), password: "a long enough passphrase" });

        const onboarding = await openPage(context, "/onboarding");
        expect(await axeViolations(onboarding.page)).toEqual([]);
        await onboarding.page.getByLabel("Name").fill("");
        await onboarding.page.getByRole("button", { name: "Continue" }).click();
        await onboarding.page.getByRole("alert").filter({ hasText: "Enter your name." }).waitFor();
        expect(await axeViolations(onboarding.page)).toEqual([]);
        await onboarding.page.getByLabel("Name").fill("Axe Tester");
        await onboarding.page.getByRole("radio", { name: "I want to teach" }).check();
        expect(await axeViolations(onboarding.page)).toEqual([]);
        await onboarding.page.getByRole("radio", { name: "I want to learn" }).check();
        await onboarding.page.getByRole("button", { name: "Continue" }).click();
        await onboarding.page.waitForURL((url) => url.pathname !== "/onboarding");
        expect(onboarding.errors).toEqual([]);

        const profile = await openPage(context, "/profile");
        await expect(profile.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your profile");
        expect(await axeViolations(profile.page)).toEqual([]);
        expect(profile.errors).toEqual([]);
        await context.close();
      });
    }

    it("at 360 px wide, without horizontal scrolling", async () => {
      const context = await newContext({ viewport: { width: 360, height: 740 } });
      for (const url of ["/signin", "/signup", "/reset-password?token=x", "/check-email?email=a-rather-long-address%40example.test"]) {
        const { page } = await openPage(context, url);
        expect({ url, overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) }).toEqual({
          url,
          overflow: 0,
        });
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      }
      await context.close();
    });
  });

  it("changes the name and the password on the profile page", async () => {
    const context = await newContext();
    const email = uniqueEmail("profile");
    await signUpInContext(context, { name: "Pat Profile", email, password: "a long enough passphrase", role: "LEARNER" });

    const { page, errors } = await openPage(context, "/profile");
    await expect(page.getByText("Learner", { exact: true }).count()).resolves.toBe(1);
    const nameForm = page.getByRole("form", { name: "Name" });
    await nameForm.getByLabel("Name").fill("Pat Renamed");
    await nameForm.getByRole("button", { name: "Save name" }).click();
    await page.getByText("Saved", { exact: true }).waitFor();
    await page.getByRole("banner").getByRole("link", { name: "Pat Renamed" }).waitFor();

    const passwordForm = page.getByRole("form", { name: "Change your password" });
    await passwordForm.getByLabel("Current password").fill("not my password at all");
    await passwordForm.getByLabel("New password", { exact: true }).fill("another long passphrase");
    await passwordForm.getByLabel("New password again").fill("another long passphrase");
    await passwordForm.getByRole("button", { name: "Change password" }).click();
    await passwordForm.getByRole("alert").filter({ hasText: "Your current password is not right." }).first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("current-password");

    await passwordForm.getByLabel("Current password").fill("a long enough passphrase");
    await passwordForm.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password has been changed.", { exact: false }).first().waitFor();
    // The renewed session still works.
    await page.reload({ waitUntil: "load" });
    expect(pathOf(page)).toBe("/profile");
    expect(errors).toEqual([]);
    await context.close();
  });
});
