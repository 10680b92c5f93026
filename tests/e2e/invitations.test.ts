import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, waitForOutboxMail } from "../helpers/api-client";
import { createCourseTree } from "../helpers/authoring";
import { baseUrl } from "../helpers/base-url";
import {
  axeInBothSchemes,
  elementsPastViewportOutsideScrollBoxes,
  launchBrowser,
  waitForHydration,
  watchPageErrors,
} from "../helpers/browser";
import { linkIn } from "../helpers/mail-text";

const randomIp = () => `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("invitations in Chromium", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let admin: BrowserContext;
  const title = `Invited botany ${randomUUID().slice(0, 6)}`;
  const email = `invitee-${randomUUID().slice(0, 8)}@example.com`;
  let courseId = "";
  let owner: { email: string; password: string };

  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    admin = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const signIn = await admin.request.post("/api/auth/signin", { data: { email: "admin@budhhub.test", password: "budhhub-demo" } });
    expect(signIn.status()).toBe(200);
    const account = await newAccount("INSTRUCTOR", "e2e-inv-owner");
    owner = { email: account.email, password: account.password };
    ({ courseId } = await createCourseTree(account.client, { title, published: true }));
  }, 180_000);
  afterAll(async () => close?.());

  it("an admin invites an address into a course; the invitee opens the mailed link, sets name and password, and lands in the course", async () => {
    const page = await admin.newPage();
    const errors = watchPageErrors(page);
    await page.goto("/admin/invitations");
    await waitForHydration(page);
    await page.getByLabel("E-mail addresses").fill(`${email.toUpperCase()}\n${email}`);
    await page.getByLabel("Role").selectOption("LEARNER");
    await page.getByRole("checkbox", { name: title }).check();
    await page.getByRole("button", { name: "Send invitations" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${email}: invitation sent` })
      .waitFor();
    await page.getByRole("table", { name: "Invitations sent" }).getByRole("rowheader", { name: email }).waitFor();
    expect(await axeInBothSchemes(page, "/admin/invitations")).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewportOutsideScrollBoxes(page)).toEqual([]);

    const link = linkIn(await waitForOutboxMail(email), "/invite/");
    const invitee = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const accept = await invitee.newPage();
    const inviteeErrors = watchPageErrors(accept);
    await accept.goto(new URL(link).pathname);
    await waitForHydration(accept);
    await accept.getByRole("heading", { name: "You are invited" }).waitFor();
    expect(await accept.getByText(title).count()).toBe(1);
    expect(await axeInBothSchemes(accept, "the invitation page")).toEqual([]);
    await accept.setViewportSize({ width: 360, height: 800 });
    expect(await elementsPastViewportOutsideScrollBoxes(accept)).toEqual([]);

    await accept.getByLabel("Your name").fill("Ivy Invited");
    await accept.getByLabel("New password", { exact: true }).fill("a long and unusual passphrase");
    await accept.getByLabel("New password again").fill("a long and unusual passphrase");
    await accept.getByRole("button", { name: "Create my account" }).click();
    await accept.waitForURL((url) => url.pathname.startsWith(`/my-courses/${courseId}`));
    expect((await invitee.request.get("/api/profile")).status()).toBe(200);

    // The used link says so.
    const again = await (await browser.newContext({ baseURL: baseUrl() })).newPage();
    await again.goto(new URL(link).pathname);
    await again.getByText("This invitation was used already.").waitFor();
    expect(await axeInBothSchemes(again, "a used invitation")).toEqual([]);

    await page.reload();
    await page.getByLabel("Status").selectOption("accepted");
    await page.getByLabel("E-mail address", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/status=accepted/);
    await page.getByRole("table", { name: "Invitations sent" }).getByText("Accepted").waitFor();
    expect([...errors, ...inviteeErrors]).toEqual([]);
  });

  it("the course's instructor invites learners from the course editor, into that course", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    expect((await context.request.post("/api/auth/signin", { data: owner })).status()).toBe(200);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`/instructor/courses/${courseId}`);
    await waitForHydration(page);
    const learner = `instructor-invitee-${randomUUID().slice(0, 8)}@example.com`;
    const form = page.getByRole("form", { name: "Invite people" });
    expect(await form.getByLabel("Role").count()).toBe(0);
    await form.getByLabel("E-mail addresses").fill(learner);
    await form.getByRole("button", { name: "Send invitations" }).click();
    await form
      .getByRole("status")
      .filter({ hasText: `${learner}: invitation sent` })
      .waitFor();
    const mail = await waitForOutboxMail(learner);
    expect(mail.text).toContain(title);
    expect(errors).toEqual([]);
  });
});
