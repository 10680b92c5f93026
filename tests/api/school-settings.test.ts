import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, DEMO_ADMIN, DEMO_PASSWORD, outboxCount, strongPassword, uniqueEmail, waitForOutboxMail } from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { linkIn } from "../helpers/mail-text";

/**
 * The sign-up policy and admin help over HTTP. These cases change the platform's sign-up policy, which every other test
 * file's sign-ups depend on: they run on a server and a database of their own (PGlite in a temporary data folder), so
 * the shared server's policy never moves; each case that changes it sets it back to "open" in a finally all the same.
 */

let server: AppServer;
let dataDir: string;
let admin: ApiClient;
const outbox = () => path.join(dataDir, "mail");
const client = () => new ApiClient(server.url);
const mailTo = (email: string, seen = 0) => waitForOutboxMail(email, { seen, dir: outbox() });
const sent = (email: string) => outboxCount(email, outbox());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Settings = { signupPolicy: string; signupDomains: string[] };
type UserRow = { id: string; email: string; lastSignInAt: string | null };

async function setPolicy(change: Partial<Settings>): Promise<Settings> {
  const response = await admin.patch("/api/admin/settings", change);
  expect(response.status, response.text).toBe(200);
  return response.json<{ settings: Settings }>().settings;
}
const reopen = () => setPolicy({ signupPolicy: "open" });

async function usersNamed(email: string): Promise<UserRow[]> {
  const response = await admin.get(`/api/admin/users?q=${encodeURIComponent(email)}`);
  expect(response.status).toBe(200);
  return response.json<{ users: UserRow[] }>().users;
}

/** Signs up and confirms from the outbox, as a person does. */
async function signUpAndConfirm(email: string, password = strongPassword()) {
  const person = client();
  const seen = sent(email);
  const signUp = await person.signUp({ email, password });
  expect(signUp.status, signUp.text).toBe(202);
  const link = new URL(linkIn(await mailTo(email, seen), "/verify-email"));
  const verified = await person.post("/api/auth/verify-email", { token: link.searchParams.get("token") });
  expect(verified.status, verified.text).toBe(200);
  return { person, id: verified.json<{ user: { id: string } }>().user.id, email, password };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-school-settings-"));
  server = await startApp({ DATA_DIR: dataDir, DATABASE_URL: "", DATABASE_DRIVER: "pglite", SEED_DEMO: "true" });
  admin = client();
  const signedIn = await admin.signIn(DEMO_ADMIN, DEMO_PASSWORD);
  if (signedIn.status !== 200) throw new Error(`demo admin sign-in answered ${signedIn.status}`);
}, 180_000);

afterAll(async () => {
  try {
    if (admin) await reopen();
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

describe("the sign-up policy over HTTP", () => {
  it("starts open with no domains (no settings row), and refuses a bad change without writing", async () => {
    expect((await admin.get("/api/admin/settings")).json()).toEqual({ settings: { signupPolicy: "open", signupDomains: [] } });
    const noDomain = await admin.patch("/api/admin/settings", { signupPolicy: "domains" });
    expect(noDomain.status).toBe(400);
    expect(noDomain.text).toMatch(/at least one domain/);
    expect((await admin.patch("/api/admin/settings", { signupDomains: ["not a domain"] })).status).toBe(400);
    expect((await admin.patch("/api/admin/settings", { signupPolicy: "closed" })).status).toBe(400);
    expect((await admin.get("/api/admin/settings")).json()).toEqual({ settings: { signupPolicy: "open", signupDomains: [] } });
  });

  it('"invitation": sign-up answers 403 with the message and writes nothing; the page says so with no form', async () => {
    const known = await signUpAndConfirm(uniqueEmail("policy-known"));
    try {
      expect(await setPolicy({ signupPolicy: "invitation" })).toMatchObject({ signupPolicy: "invitation" });
      const email = uniqueEmail("policy-invite");
      const refused = await client().signUp({ email, password: strongPassword() });
      expect(refused.status).toBe(403);
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/^Sign-up is by invitation only\./);
      // A known address gets the very same answer: the refusal tells nobody who has an account.
      const knownRefused = await client().signUp({ email: known.email, password: strongPassword() });
      expect(knownRefused.status).toBe(403);
      expect(knownRefused.json<{ error: { message: string } }>().error.message).toBe(
        refused.json<{ error: { message: string } }>().error.message,
      );
      await sleep(500);
      expect(sent(email)).toBe(0);
      expect(await usersNamed(email)).toEqual([]);
      const page = await client().get("/signup");
      expect(page.status).toBe(200);
      expect(page.text).toContain("Sign-up is by invitation only.");
      expect(page.text).not.toMatch(/<form/);
      // An existing account still signs in with its password.
      expect((await client().signIn(known.email, known.password)).status).toBe(200);
    } finally {
      await reopen();
    }
    const page = await client().get("/signup");
    expect(page.text).not.toContain("Sign-up is by invitation only.");
    expect(page.text).toMatch(/<form/);
  });

  it('"invitation": a magic link signs in an existing account, answers the same for a new address, and creates no account', async () => {
    const known = await signUpAndConfirm(uniqueEmail("magic-known"));
    // A link mailed while sign-up was open, opened after it closed, creates nothing either.
    const early = uniqueEmail("magic-early");
    expect((await client().post("/api/auth/magic-link", { email: early })).status).toBe(200);
    const earlyLink = linkIn(await mailTo(early), "/api/auth/callback/nodemailer");
    try {
      await setPolicy({ signupPolicy: "invitation" });
      const stranger = uniqueEmail("magic-stranger");
      const seenKnown = sent(known.email);
      const forKnown = await client().post("/api/auth/magic-link", { email: known.email });
      const forStranger = await client().post("/api/auth/magic-link", { email: stranger });
      expect(forStranger.status).toBe(200);
      expect(forStranger.text).toBe(forKnown.text);
      const knownLink = linkIn(await mailTo(known.email, seenKnown), "/api/auth/callback/nodemailer");
      const opener = client();
      const hops = await opener.follow(knownLink);
      expect(hops[0]!.status).toBe(302);
      expect(opener.sessionToken).toBeTruthy();
      await sleep(500);
      expect(sent(stranger)).toBe(0);
      expect(await usersNamed(stranger)).toEqual([]);

      const late = client();
      const lateHops = await late.follow(earlyLink);
      expect(lateHops[0]!.location).toMatch(/^\/signin\?error=AccessDenied/);
      expect(late.sessionToken).toBeUndefined();
      expect(await usersNamed(early)).toEqual([]);
    } finally {
      await reopen();
    }
  });

  it('"domains": an address of a listed domain signs up; another is refused with the domains named; a magic link makes no account outside them', async () => {
    try {
      expect(await setPolicy({ signupPolicy: "domains", signupDomains: ["School.Example", "@staff.school.example"] })).toEqual({
        signupPolicy: "domains",
        signupDomains: ["school.example", "staff.school.example"],
      });
      const inside = `pupil-${Date.now()}@school.example`;
      const allowed = await client().signUp({ email: inside, password: strongPassword() });
      expect(allowed.status).toBe(202);
      await mailTo(inside);
      expect(await usersNamed(inside)).toHaveLength(1);

      const outside = uniqueEmail("policy-outside");
      const refused = await client().signUp({ email: outside, password: strongPassword() });
      expect(refused.status).toBe(403);
      expect(refused.json<{ error: { message: string } }>().error.message).toContain("school.example or staff.school.example");
      expect(await usersNamed(outside)).toEqual([]);
      expect((await client().get("/signup")).text).toContain("Sign-up is open to addresses at school.example, staff.school.example only.");

      expect((await client().post("/api/auth/magic-link", { email: outside })).status).toBe(200);
      const insideNew = `magic-${Date.now()}@staff.school.example`;
      expect((await client().post("/api/auth/magic-link", { email: insideNew })).status).toBe(200);
      await mailTo(insideNew);
      await sleep(300);
      expect(sent(outside)).toBe(0);
    } finally {
      await reopen();
    }
    // Open again: anyone signs up.
    expect((await client().signUp({ email: uniqueEmail("policy-open"), password: strongPassword() })).status).toBe(202);
  });
});

describe("admin help for people over HTTP", () => {
  it("mails a reset link that sets a new password, and shows the last sign-in", async () => {
    const person = await signUpAndConfirm(uniqueEmail("help-reset"));
    const [before] = await usersNamed(person.email);
    expect(before!.lastSignInAt).not.toBeNull();

    const seen = sent(person.email);
    const sending = await admin.post(`/api/admin/users/${person.id}/password-reset`);
    expect(sending.status, sending.text).toBe(202);
    expect(sending.json<{ message: string }>().message).toContain(person.email);
    const mail = await mailTo(person.email, seen);
    expect(mail.subject).toBe("Reset your BudhHub password");
    const token = new URL(linkIn(mail, "/reset-password?token=")).searchParams.get("token");
    const password = strongPassword();
    expect((await client().post("/api/auth/reset-password", { token, password })).status).toBe(200);
    expect((await client().signIn(person.email, person.password)).status).not.toBe(200);

    await sleep(1100);
    expect((await client().signIn(person.email, password)).status).toBe(200);
    const detail = (await admin.get(`/api/admin/users/${person.id}`)).json<{ user: UserRow }>().user;
    expect(new Date(detail.lastSignInAt!).getTime()).toBeGreaterThan(new Date(before!.lastSignInAt!).getTime());
    const page = await admin.get(`/admin/users/${person.id}`);
    expect(page.text).toContain("last signed in");
    expect(page.text).toContain("Send a password-reset link");
    expect((await admin.get(`/admin/users?q=${encodeURIComponent(person.email)}`)).text).toContain("Last sign-in");

    // 3 an hour per user.
    expect((await admin.post(`/api/admin/users/${person.id}/password-reset`)).status).toBe(202);
    expect((await admin.post(`/api/admin/users/${person.id}/password-reset`)).status).toBe(202);
    expect((await admin.post(`/api/admin/users/${person.id}/password-reset`)).status).toBe(429);
  });
});
