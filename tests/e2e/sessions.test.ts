import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../helpers/base-url";
import { axeViolations, launchBrowser, settleAnimations, waitForHydration, watchPageErrors } from "../helpers/browser";
import { signUpInContext } from "../helpers/browser-accounts";

/**
 * Sessions per device, in two browser contexts (two devices) of one user: signing out in one leaves the other signed in,
 * a device can be signed out from the other's profile, and "Sign out everywhere" ends both.
 */

let ipCounter = 0;
/** Each context is a device with an address of its own (X-Forwarded-For), so rate limits are not shared. */
function uniqueIp() {
  ipCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${(process.pid & 255) ^ 0x5a}.${ipCounter}`;
}

const PASSWORD = "a long enough passphrase";
const pathOf = (page: Page) => new URL(page.url()).pathname;

describe("sessions per device in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  const newContext = (options: Parameters<Browser["newContext"]>[0] = {}) =>
    browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => close?.());

  async function open(context: BrowserContext, url: string) {
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${baseUrl()}${url}`, { waitUntil: "load" });
    await waitForHydration(page);
    return { page, errors };
  }

  /** Signs in with the password form, as a person on a second device does. */
  async function signIn(context: BrowserContext, email: string) {
    const { page, errors } = await open(context, "/signin?callbackUrl=%2Fprofile");
    const form = page.getByRole("form", { name: "With your password" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(PASSWORD);
    await form.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/profile");
    expect(errors).toEqual([]);
    await page.close();
  }

  /** Whether the context is still signed in: /profile opens, or the guard sends it to sign in. */
  async function signedIn(context: BrowserContext): Promise<boolean> {
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/profile`, { waitUntil: "load" });
    const result = pathOf(page) === "/profile";
    await page.close();
    return result;
  }

  const sessionsList = (page: Page) => page.getByRole("list", { name: "Where you are signed in" });

  it("signs out one device only; a device can be signed out from another; 'Sign out everywhere' ends both", async () => {
    const email = `devices-${Date.now()}@example.test`;
    const laptop = await newContext();
    const phone = await newContext({ colorScheme: "dark" });
    await signUpInContext(laptop, { name: "Dev Ices", email, password: PASSWORD, role: "LEARNER" });
    await signIn(phone, email);

    // The laptop's profile lists both devices, itself first and marked, and passes axe.
    const profile = await open(laptop, "/profile");
    const list = sessionsList(profile.page);
    await expect(list.getByRole("listitem").count()).resolves.toBe(2);
    const first = list.getByRole("listitem").first();
    await expect(first.getByText("This device", { exact: true }).count()).resolves.toBe(1);
    await expect(list.getByText("This device", { exact: true }).count()).resolves.toBe(1);
    await expect(first.getByRole("button", { name: "Sign out this device" }).count()).resolves.toBe(1);
    await expect(list.getByText("Chrome on Linux", { exact: true }).count()).resolves.toBe(2);
    expect(await axeViolations(profile.page)).toEqual([]);

    // Signing out with the header's button on the phone ends the phone's session, and not the laptop's.
    const phonePage = await open(phone, "/profile");
    expect(await axeViolations(phonePage.page)).toEqual([]);
    await phonePage.page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await phonePage.page.waitForURL((url) => url.pathname === "/");
    await phonePage.page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(true);
    await profile.page.reload({ waitUntil: "load" });
    await waitForHydration(profile.page);
    await expect(sessionsList(profile.page).getByRole("listitem").count()).resolves.toBe(1);

    // The phone signs in again; the laptop signs it out from its list, with the keyboard.
    await signIn(phone, email);
    await profile.page.reload({ waitUntil: "load" });
    await waitForHydration(profile.page);
    const other = sessionsList(profile.page)
      .getByRole("listitem")
      .filter({ hasNot: profile.page.getByText("This device", { exact: true }) });
    const otherButton = other.getByRole("button", { name: /^Sign out Chrome on Linux, signed in / });
    await otherButton.focus();
    await profile.page.keyboard.press("Enter");
    await profile.page.getByText(/^Signed out Chrome on Linux\./).waitFor();
    await expect(sessionsList(profile.page).getByRole("listitem").count()).resolves.toBe(1);
    // The focus does not fall to the page's start: it is on the section's heading.
    expect(await profile.page.evaluate(() => document.activeElement?.textContent)).toBe("Where you are signed in");
    await settleAnimations(profile.page);
    expect(await axeViolations(profile.page)).toEqual([]);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(true);

    // Both signed in again, then "Sign out everywhere" on the laptop ends both.
    await signIn(phone, email);
    await profile.page.reload({ waitUntil: "load" });
    await waitForHydration(profile.page);
    await expect(sessionsList(profile.page).getByRole("listitem").count()).resolves.toBe(2);
    profile.page.once("dialog", (dialog) => void dialog.accept());
    await profile.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await profile.page.waitForURL((url) => url.pathname === "/");
    await profile.page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(phone)).toBe(false);

    expect(profile.errors).toEqual([]);
    expect(phonePage.errors).toEqual([]);
    await laptop.close();
    await phone.close();
  });
});
