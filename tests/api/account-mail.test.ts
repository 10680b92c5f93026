import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiClient,
  demoAdmin,
  leakingResponses,
  newAccount,
  outboxCount,
  strongPassword,
  uniqueEmail,
  waitForOutboxMail,
} from "../helpers/api-client";
import { startApp, type AppServer } from "../helpers/app-server";
import { linkIn } from "../helpers/mail-text";
import { startSmtpSink, type SinkMail, type SmtpSink } from "../helpers/smtp-sink";

type UserBody = { user: { id: string; email: string; role: string } };

const resetTokens: string[] = [];

/** Opens a mailed sign-in link in a fresh cookie jar, following redirects by hand. */
async function openMagicLink(link: string, base?: string) {
  const client = new ApiClient(base ?? new URL(link).origin);
  const hops = await client.follow(link);
  return { client, hops };
}

describe("magic links from the outbox", () => {
  it("mails a one-time link that signs the user in, and the second use fails", async () => {
    const account = await newAccount("LEARNER", "magic");
    const requester = new ApiClient();
    const response = await requester.post("/api/auth/magic-link", { email: account.email, callbackUrl: "/about" });
    expect(response.status).toBe(200);
    expect(requester.sessionToken).toBeUndefined();

    const mail = await waitForOutboxMail(account.email, { seen: 1 });
    expect(mail.subject).toBe("Your BudhHub sign-in link");
    const link = linkIn(mail, "/api/auth/callback/nodemailer");
    expect(new URL(link).searchParams.get("email")).toBe(account.email);

    const first = await openMagicLink(link);
    expect(first.hops[0]!.status).toBe(302);
    expect(first.client.sessionToken).toBeTruthy();
    const profile = await first.client.get("/api/profile");
    expect(profile.status).toBe(200);
    expect(profile.json<UserBody>().user).toMatchObject({ id: account.id, role: "LEARNER" });

    const second = await openMagicLink(link);
    expect(second.hops[0]!.status).toBe(302);
    expect(second.hops[0]!.location).toMatch(/^\/signin\?error=Verification/);
    expect(second.client.sessionToken).toBeUndefined();
    expect((await second.client.get("/api/profile")).status).toBe(401);
  });

  it("answers the same for an unknown address, whose link starts a new account that must onboard", async () => {
    const known = await newAccount("LEARNER", "magic-known");
    const unknownEmail = uniqueEmail("magic-new");
    const forKnown = await new ApiClient().post("/api/auth/magic-link", { email: known.email });
    const forUnknown = await new ApiClient().post("/api/auth/magic-link", { email: unknownEmail });
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.text).toBe(forKnown.text);

    const { client, hops } = await openMagicLink(linkIn(await waitForOutboxMail(unknownEmail), "/api/auth/callback/nodemailer"));
    expect(hops[0]!.location).toMatch(/^\/onboarding(\?|$)/);
    expect((await client.get("/api/profile")).json<UserBody>().user).toMatchObject({ email: unknownEmail, role: "LEARNER" });
    // A magic link proves the address; wanting to teach still files a request (INSTRUCTOR_SIGNUP=request).
    expect((await client.get("/api/profile")).status).toBe(200);
    expect((await client.onboard("INSTRUCTOR")).json()).toMatchObject({
      user: { role: "LEARNER" },
      instructorRequest: { status: "pending" },
    });
  });

  it("sends the user back to the page they asked for, on this app's own address", async () => {
    const account = await newAccount("LEARNER", "magic-return");
    const client = new ApiClient();
    await client.post("/api/auth/magic-link", { email: account.email, callbackUrl: "/about?from=mail" });
    const link = linkIn(await waitForOutboxMail(account.email, { seen: 1 }), "/api/auth/callback/nodemailer");
    const response = await client.get(link);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${client.base}/about?from=mail`);
  });

  it("refuses a foreign Origin and bad input", async () => {
    const client = new ApiClient();
    const foreign = await client.post("/api/auth/magic-link", { email: uniqueEmail() }, { headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect((await client.post("/api/auth/magic-link", { email: "nope" })).status).toBe(400);
  });
});

describe("password reset", () => {
  it("mails a link; the reset ends every session, the old password stops working, and the link works once", async () => {
    const account = await newAccount("LEARNER", "reset");
    const forgot = await new ApiClient().post("/api/auth/forgot-password", { email: account.email });
    expect(forgot.status).toBe(200);

    const mail = await waitForOutboxMail(account.email, { seen: 1 });
    expect(mail.subject).toBe("Reset your BudhHub password");
    const link = new URL(linkIn(mail, "/reset-password?token="));
    const token = link.searchParams.get("token")!;
    resetTokens.push(token);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const newPassword = strongPassword();
    const reset = await new ApiClient().post("/api/auth/reset-password", { token, password: newPassword });
    expect(reset.status).toBe(200);

    expect((await account.client.get("/api/profile")).status).toBe(401);
    expect((await new ApiClient().signIn(account.email, account.password)).status).toBe(401);
    expect((await new ApiClient().signIn(account.email, newPassword)).status).toBe(200);

    const again = await new ApiClient().post("/api/auth/reset-password", { token, password: strongPassword() });
    expect(again.status).toBe(400);
    expect(again.json()).toMatchObject({ error: { fields: { token: expect.any(String) } } });
    expect((await new ApiClient().signIn(account.email, newPassword)).status).toBe(200);
  });

  it("answers forgot-password byte for byte the same for known and unknown addresses, and mails only the known", async () => {
    const account = await newAccount("LEARNER", "forgot");
    const unknownEmail = uniqueEmail("forgot-nobody");
    const known = await new ApiClient().post("/api/auth/forgot-password", { email: account.email });
    const unknown = await new ApiClient().post("/api/auth/forgot-password", { email: unknownEmail });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    expect(unknown.text).toBe(known.text);
    expect(unknown.headers.get("content-type")).toBe(known.headers.get("content-type"));

    resetTokens.push(new URL(linkIn(await waitForOutboxMail(account.email, { seen: 1 }), "token=")).searchParams.get("token")!);
    expect(outboxCount(unknownEmail)).toBe(0);
  });

  it("refuses a made-up token and a common new password", async () => {
    const bogus = await new ApiClient().post("/api/auth/reset-password", { token: "A".repeat(43), password: strongPassword() });
    expect(bogus.status).toBe(400);
    const common = await new ApiClient().post("/api/auth/reset-password", { token: "A".repeat(43), password: "password123" });
    expect(common.status).toBe(400);
    expect(common.json()).toMatchObject({ error: { fields: { password: expect.stringMatching(/common/) } } });
  });
});

describe("magic links through SMTP (SMTP_URL)", () => {
  let sink: SmtpSink;
  let app: AppServer;
  let dataDir: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "budhhub-smtp-app-"));
    app = await startApp({ DATA_DIR: dataDir, SMTP_URL: sink.url });
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await sink?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers the sign-in link to the SMTP server, not the outbox, and the link signs the user in once", async () => {
    const client = new ApiClient(app.url);
    const email = uniqueEmail("smtp");
    expect((await client.signUp({ email, password: strongPassword() })).status).toBe(202);
    expect((await sink.waitFor(email)).subject).toBe("Confirm your BudhHub address");
    expect((await client.post("/api/auth/magic-link", { email, callbackUrl: "/about" })).status).toBe(200);

    const mail = await sink.waitFor(email, { seen: 1 });
    expect(mail.subject).toBe("Your BudhHub sign-in link");
    const link = linkIn(mail, "/api/auth/callback/nodemailer");
    expect(link.startsWith(`${app.url}/`)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "mail"))).toBe(false);

    const first = await openMagicLink(link, app.url);
    expect(first.hops[0]!.status).toBe(302);
    expect((await first.client.get("/api/profile")).json<UserBody>().user.email).toBe(email);
    const second = await openMagicLink(link, app.url);
    expect(second.client.sessionToken).toBeUndefined();
  });

  /**
   * A mail as the queue's worker sends it: to the right address, with a text and an HTML part that both name the platform
   * and carry the link (on this app's address), and no List-Unsubscribe (account and security mail cannot be turned off).
   */
  function expectAccountMail(mail: SinkMail, to: string, subject: string, linkPart: string) {
    expect(mail.envelopeTo).toEqual([to]);
    expect(mail.to).toContain(to);
    expect(mail.subject).toBe(subject);
    expect(mail.headers.has("list-unsubscribe")).toBe(false);
    expect(mail.headers.get("message-id")).toMatch(/^<[\w-]+@[^>]+>$/);
    for (const part of [mail.text, mail.html]) expect(part).toContain("BudhHub");
    expect(mail.text).not.toMatch(/unsubscribe/i);
    const link = linkIn(mail, linkPart);
    expect(link.startsWith(`${app.url}/`)).toBe(true);
    expect(mail.html).toContain(`href="${link.replaceAll("&", "&#38;")}"`);
    return link;
  }
  const lastTo = async (to: string) => sink.waitFor(to, { seen: sink.messages.filter((m) => m.envelopeTo.includes(to)).length });

  it("queues every account mail: verification, sign-up attempt, reset, password changed; each with text and HTML and no List-Unsubscribe", async () => {
    const client = new ApiClient(app.url);
    const email = uniqueEmail("smtp-account");
    const password = strongPassword();
    const verifyMail = lastTo(email);
    expect((await client.signUp({ email, password })).status).toBe(202);
    const verify = expectAccountMail(await verifyMail, email, "Confirm your BudhHub address", "/verify-email?token=");
    expect((await client.post("/api/auth/verify-email", { token: new URL(verify).searchParams.get("token") })).status).toBe(200);

    const attemptMail = lastTo(email);
    expect((await new ApiClient(app.url).signUp({ email, password: strongPassword() })).status).toBe(202);
    expectAccountMail(await attemptMail, email, "Someone tried to create a BudhHub account with your address", "/forgot-password");

    const resetMail = lastTo(email);
    expect((await new ApiClient(app.url).post("/api/auth/forgot-password", { email })).status).toBe(200);
    const reset = expectAccountMail(await resetMail, email, "Reset your BudhHub password", "/reset-password?token=");
    resetTokens.push(new URL(reset).searchParams.get("token")!);

    // A security mail: the password changed through the profile.
    const changedMail = lastTo(email);
    expect((await client.put("/api/profile/password", { currentPassword: password, newPassword: strongPassword() })).status).toBe(200);
    expectAccountMail(await changedMail, email, "Your BudhHub password was changed", "/forgot-password");
  });

  it("queues the admin's mails: an invitation, a reset link, and the security mails of a role change and a disabled account", async () => {
    const admin = await demoAdmin(app.url);
    const invitee = uniqueEmail("smtp-invitee");
    const inviteMail = lastTo(invitee);
    expect((await admin.post("/api/admin/invitations", { emails: [invitee], role: "INSTRUCTOR" })).status).toBe(201);
    const invitation = await inviteMail;
    expectAccountMail(invitation, invitee, "You are invited to BudhHub", "/invite/");
    expect(invitation.text).toContain("as an instructor");

    const client = new ApiClient(app.url);
    const email = uniqueEmail("smtp-managed");
    const verifyMail = lastTo(email);
    await client.signUp({ email, password: strongPassword() });
    const verify = expectAccountMail(await verifyMail, email, "Confirm your BudhHub address", "/verify-email?token=");
    const userId = (await client.post("/api/auth/verify-email", { token: new URL(verify).searchParams.get("token") })).json<UserBody>().user
      .id;

    const resetMail = lastTo(email);
    expect((await admin.post(`/api/admin/users/${userId}/password-reset`)).status).toBe(202);
    const reset = expectAccountMail(await resetMail, email, "Reset your BudhHub password", "/reset-password?token=");
    resetTokens.push(new URL(reset).searchParams.get("token")!);

    const roleMail = lastTo(email);
    expect((await admin.patch(`/api/admin/users/${userId}`, { role: "INSTRUCTOR" })).status).toBe(200);
    expect((await roleMail).text).toContain("An administrator made you an instructor on BudhHub.");
    expectAccountMail(await roleMail, email, "Your role on BudhHub was changed", "/dashboard");

    const disabledMail = lastTo(email);
    expect((await admin.patch(`/api/admin/users/${userId}`, { disabled: true })).status).toBe(200);
    const disabled = await disabledMail;
    expect(disabled.subject).toBe("Your BudhHub account was disabled");
    expect(disabled.headers.has("list-unsubscribe")).toBe(false);
    expect(disabled.html).toContain("BudhHub");
    expect(disabled.text).toContain("An administrator disabled your BudhHub account");
  });
});

describe("secrets in answers", () => {
  it("no response of this file contained a password hash, a token hash or a mailed token's SHA-256", () => {
    expect(resetTokens.length).toBe(4);
    expect(leakingResponses(resetTokens)).toEqual([]);
  });
});
