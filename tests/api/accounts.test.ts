import { beforeAll, describe, expect, it } from "vitest";
import {
  ApiClient,
  DEMO_ADMIN,
  DEMO_PASSWORD,
  demoAdmin,
  leakingResponses,
  newAccount,
  outboxCount,
  responseBodies,
  strongPassword,
  uniqueEmail,
  waitForOutboxMail,
} from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";
import { linkIn } from "../helpers/mail-text";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type UserBody = { user: { id: string; name: string; email: string; role: string } };

const WRONG = "Wrong e-mail address or password.";

let admin: ApiClient;
beforeAll(async () => {
  admin = await demoAdmin();
});

describe("sign-up over HTTP", () => {
  it('answers 202 "check your inbox" without a session; the mailed link confirms the address and signs in', async () => {
    const client = new ApiClient();
    const email = uniqueEmail("signup");
    const response = await client.signUp({ name: "Ada Tester", email: email.toUpperCase(), password: strongPassword() });
    expect(response.status).toBe(202);
    expect(response.json()).toEqual({
      message: expect.stringMatching(/^Check your inbox/),
      next: `/check-email?for=signup&email=${encodeURIComponent(email)}`,
    });
    expect(response.headers.getSetCookie()).toEqual([]);

    const verified = await client.verifyFromMail(email);
    expect(verified.status).toBe(200);
    const body = verified.json<UserBody & { next: string }>();
    expect(body).toEqual({ user: { id: expect.any(String), name: "Ada Tester", email, role: "LEARNER" }, next: "/onboarding" });
    const setCookie = verified.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect((await client.get("/api/profile")).json<UserBody>().user).toEqual(body.user);
    // The link works once.
    expect((await new ApiClient().verifyFromMail(email)).status).toBe(400);
  });

  it("answers a known address exactly as a new one, changes nothing, and mails its owner sign-in and reset links", async () => {
    const owner = await newAccount("LEARNER", "dup");
    const fresh = uniqueEmail("dup-fresh");
    const seen = outboxCount(owner.email);
    const again = await new ApiClient().signUp({
      name: "Someone Else",
      email: ` ${owner.email.toUpperCase()} `,
      password: strongPassword(),
    });
    const first = await new ApiClient().signUp({ name: "Someone Else", email: fresh, password: strongPassword() });
    expect(again.status).toBe(202);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(again.text.replace(encodeURIComponent(owner.email), "ADDRESS")).toBe(first.text.replace(encodeURIComponent(fresh), "ADDRESS"));
    const mail = await waitForOutboxMail(owner.email, { seen });
    expect(mail.subject).toBe("Someone tried to create a BudhHub account with your address");
    expect(mail.text).toContain(`${baseUrl()}/signin`);
    expect(mail.text).toContain(`${baseUrl()}/forgot-password`);
    // The account is as it was: the owner's password still works, the other does not.
    expect((await new ApiClient().signIn(owner.email, owner.password)).status).toBe(200);
  });

  it("lets an unconfirmed account sign in with its password and learn, and says so in its session", async () => {
    const account = await newAccount("LEARNER", "unverified", { verified: false });
    expect((await account.client.get("/api/my-courses")).status).toBe(200);
    const resend = await account.client.post("/api/auth/verify-email/resend", {});
    expect(resend.status).toBe(200);
    expect(resend.json<{ message: string }>().message).toContain(account.email);
  });

  it("answers bad input with 400 naming every bad field, and a common password with 400 too", async () => {
    const client = new ApiClient();
    const bad = await client.post("/api/auth/signup", { name: "", email: "not-an-address", password: "short" });
    expect(bad.status).toBe(400);
    const fields = bad.json<ErrorBody>().error.fields!;
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "password"]);
    expect(fields.password).toBe("Use at least 10 characters.");

    const common = await client.signUp({ email: uniqueEmail("common"), password: "password123" });
    expect(common.status).toBe(400);
    expect(common.json<ErrorBody>().error.fields).toEqual({ password: expect.stringMatching(/common passwords/) });
    expect(client.sessionToken).toBeUndefined();
  });

  it("answers a body that is not JSON with 415 and a foreign Origin with 403, and accepts its own Origin", async () => {
    const client = new ApiClient();
    const email = uniqueEmail("origin");
    const payload = JSON.stringify({ name: "X", email, password: strongPassword() });
    const plain = await client.request("POST", "/api/auth/signup", { body: payload, headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    const foreign = await client.request("POST", "/api/auth/signup", {
      body: payload,
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json<ErrorBody>().error.code).toBe("FORBIDDEN");
    const own = await client.request("POST", "/api/auth/signup", {
      body: payload,
      headers: { "content-type": "application/json", origin: new URL(baseUrl()).origin },
    });
    expect(own.status).toBe(202);
  });
});

describe("sign-in over HTTP", () => {
  it("answers 200 with { user: { id, name, email, role } } and a session cookie", async () => {
    const account = await newAccount("INSTRUCTOR", "signin");
    const client = new ApiClient();
    const response = await client.signIn(account.email.toUpperCase(), account.password);
    expect(response.status).toBe(200);
    const body = response.json<UserBody & { next: string }>();
    expect(body.user).toEqual({ id: account.id, name: account.name, email: account.email, role: "INSTRUCTOR" });
    expect(body.next).toBe("/dashboard");
    expect(client.sessionToken).toBeTruthy();
    expect((await client.get("/api/profile")).json<UserBody>().user.id).toBe(account.id);
  });

  it("answers a wrong e-mail and a wrong password with the same 401 and no cookie", async () => {
    const account = await newAccount("LEARNER", "wrong");
    const client = new ApiClient();
    const wrongPassword = await client.signIn(account.email, "not-the-password");
    const wrongEmail = await client.signIn(uniqueEmail("nobody"), account.password);
    for (const response of [wrongPassword, wrongEmail]) {
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: WRONG } });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(wrongPassword.text).toBe(wrongEmail.text);
  });

  it("answers bad input with 400 before looking anyone up", async () => {
    const response = await new ApiClient().post("/api/auth/signin", { email: "nope" });
    expect(response.status).toBe(400);
    expect(Object.keys(response.json<ErrorBody>().error.fields!).sort()).toEqual(["email", "password"]);
  });
});

describe("onboarding over HTTP", () => {
  it("lets a new user say they want to learn, once, and says where to go next", async () => {
    const learner = await newAccount(null, "onb");
    const asLearner = await learner.client.onboard("LEARNER", "Lena Learner");
    expect(asLearner.status).toBe(200);
    expect(asLearner.json()).toMatchObject({ user: { role: "LEARNER", name: "Lena Learner" }, next: "/dashboard" });
    const again = await learner.client.onboard("INSTRUCTOR");
    expect(again.status).toBe(409);
    expect((await learner.client.get("/api/profile")).json<UserBody>().user.role).toBe("LEARNER");
  });

  it("files a request when a new user wants to teach: they stay a learner and cannot create a course until an admin approves", async () => {
    const account = await newAccount(null, "teach");
    const onboarded = await account.client.post("/api/onboarding", {
      name: "Ian Instructor",
      role: "INSTRUCTOR",
      message: "I teach physics.",
    });
    expect(onboarded.status).toBe(200);
    const { instructorRequest } = onboarded.json<{ instructorRequest: { id: string; status: string } }>();
    expect(onboarded.json()).toMatchObject({ user: { role: "LEARNER" }, next: "/dashboard", instructorRequest: { status: "pending" } });
    expect((await account.client.get("/api/profile")).json<UserBody>().user.role).toBe("LEARNER");
    const course = { title: "Physics", description: "Forces" };
    expect((await account.client.post("/api/instructor/courses", course)).status).toBe(403);
    expect((await account.client.post("/api/instructor-requests", {})).status).toBe(409);

    const waiting = await admin.get("/api/admin/instructor-requests");
    expect(waiting.json<{ requests: { id: string; message: string; user: { email: string } }[] }>().requests).toContainEqual(
      expect.objectContaining({
        id: instructorRequest.id,
        message: "I teach physics.",
        user: expect.objectContaining({ email: account.email }),
      }),
    );
    const approved = await admin.patch(`/api/admin/instructor-requests/${instructorRequest.id}`, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.json()).toMatchObject({ request: { id: instructorRequest.id, status: "approved" } });
    expect((await admin.patch(`/api/admin/instructor-requests/${instructorRequest.id}`, { decision: "decline" })).status).toBe(409);

    // The same session, on its next request: an instructor who can create and publish.
    expect((await account.client.get("/api/profile")).json<UserBody>().user.role).toBe("INSTRUCTOR");
    expect((await account.client.post("/api/instructor/courses", course)).status).toBe(201);
    const mine = await account.client.get("/api/instructor-requests");
    expect(mine.json()).toMatchObject({ requests: [{ id: instructorRequest.id, status: "approved", seenAt: null }] });
    expect((await account.client.patch(`/api/instructor-requests/${instructorRequest.id}`, { seen: true })).status).toBe(200);
  });

  it("a declined learner stays a learner and may ask again later from the profile", async () => {
    const account = await newAccount("LEARNER", "declined");
    const asked = await account.client.post("/api/instructor-requests", { message: "Let me teach" });
    expect(asked.status).toBe(201);
    const { request } = asked.json<{ request: { id: string } }>();
    expect((await admin.patch(`/api/admin/instructor-requests/${request.id}`, { decision: "decline" })).status).toBe(200);
    expect((await account.client.get("/api/profile")).json<UserBody>().user.role).toBe("LEARNER");
    expect((await account.client.post("/api/instructor-requests", {})).status).toBe(201);
  });

  it("never lets a user choose ADMIN, and needs a session", async () => {
    const { client } = await newAccount(null, "onb");
    const response = await client.post("/api/onboarding", { name: "Sneaky", role: "ADMIN" });
    expect(response.status).toBe(400);
    expect(response.json<ErrorBody>().error.fields).toHaveProperty("role");
    expect((await client.get("/api/profile")).json<UserBody>().user.role).toBe("LEARNER");
    expect((await new ApiClient().onboard("LEARNER")).status).toBe(401);
  });
});

describe("publishing needs a confirmed address", () => {
  it("an unconfirmed instructor (made one by an admin) cannot publish until the address is confirmed", async () => {
    const account = await newAccount("LEARNER", "unconfirmed-teacher", { verified: false });
    expect((await admin.patch(`/api/admin/users/${account.id}`, { role: "INSTRUCTOR" })).status).toBe(200);
    const created = await account.client.post("/api/instructor/courses", { title: "Draft", description: "About it" });
    expect(created.status).toBe(201);
    const courseId = created.json<{ course: { id: string } }>().course.id;
    const moduleId = (await account.client.post(`/api/instructor/courses/${courseId}/modules`, { title: "One" })).json<{
      module: { id: string };
    }>().module.id;
    expect((await account.client.post(`/api/instructor/courses/${courseId}/modules/${moduleId}/lessons`, { title: "First" })).status).toBe(
      201,
    );
    const refused = await account.client.post(`/api/instructor/courses/${courseId}/publish`, { published: true });
    expect(refused.status).toBe(403);
    expect(refused.json<ErrorBody>().error.message).toMatch(/Confirm your e-mail address/);

    expect((await account.client.verifyFromMail(account.email)).status).toBe(200);
    expect((await account.client.post(`/api/instructor/courses/${courseId}/publish`, { published: true })).status).toBe(200);
  });
});

describe("changing the e-mail address", () => {
  it("mails a link to the new address; opening it moves the account, and the old address is told", async () => {
    const account = await newAccount("LEARNER", "move");
    const next = uniqueEmail("moved");
    const asked = await account.client.post("/api/profile/email", { email: next, currentPassword: account.password });
    expect(asked.status).toBe(202);
    expect((await account.client.get("/api/profile")).json<UserBody>().user.email).toBe(account.email);
    const link = new URL(linkIn(await waitForOutboxMail(next), "/confirm-email"));
    const toldBefore = outboxCount(account.email);
    const confirmed = await new ApiClient().post("/api/profile/email/confirm", { token: link.searchParams.get("token") });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json()).toEqual({ email: next });
    expect((await account.client.get("/api/profile")).json<UserBody>().user.email).toBe(next);
    expect((await waitForOutboxMail(account.email, { seen: toldBefore })).subject).toBe("Your BudhHub address was changed");
    expect((await new ApiClient().signIn(next, account.password)).status).toBe(200);
  });

  it("is refused to an unconfirmed account and without the current password", async () => {
    const unconfirmed = await newAccount("LEARNER", "move-unconfirmed", { verified: false });
    expect(
      (await unconfirmed.client.post("/api/profile/email", { email: uniqueEmail("x"), currentPassword: unconfirmed.password })).status,
    ).toBe(403);
    const account = await newAccount("LEARNER", "move-nopass");
    expect((await account.client.post("/api/profile/email", { email: uniqueEmail("x") })).status).toBe(400);
  });
});

describe("sign-out through Auth.js", () => {
  it("clears the session cookie with Auth.js's CSRF token, after which the API answers 401; other devices stay signed in", async () => {
    const account = await newAccount("LEARNER", "signout");
    const { client } = account;
    const otherDevice = new ApiClient();
    expect((await otherDevice.signIn(account.email, account.password)).status).toBe(200);
    expect((await client.get("/api/profile")).status).toBe(200);

    const stolen = client.sessionToken!;
    const response = await client.signOut();
    expect(response.status).toBe(302);
    expect(client.sessionToken).toBeUndefined();
    expect((await client.get("/api/profile")).status).toBe(401);
    // A copy of the token taken before signing out no longer works either.
    client.setCookie("authjs.session-token", stolen);
    expect((await client.get("/api/profile")).status).toBe(401);
    // Signing out ends this device's session only.
    expect((await otherDevice.get("/api/profile")).status).toBe(200);
  });

  it("does not sign out without Auth.js's CSRF token", async () => {
    const { client } = await newAccount("LEARNER", "signout");
    const response = await client.request("POST", "/api/auth/signout", {
      body: "callbackUrl=%2F",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(client.sessionToken).toBeTruthy();
    expect(response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=;"))).toBe(false);
    expect((await client.get("/api/profile")).status).toBe(200);
  });
});

describe("admin changes take effect on the user's next request", () => {
  it("a disabled user's next API call is 401 and they cannot sign in; enabled again, they can (their old sessions stay ended)", async () => {
    const account = await newAccount("LEARNER", "disable");
    expect((await account.client.get("/api/profile")).status).toBe(200);

    const disabled = await admin.patch(`/api/admin/users/${account.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.json()).toMatchObject({ user: { id: account.id, disabledAt: expect.any(String) } });

    expect((await account.client.get("/api/profile")).status).toBe(401);
    const signIn = await new ApiClient().signIn(account.email, account.password);
    expect(signIn.status).toBe(401);
    expect(signIn.json<ErrorBody>().error.message).toMatch(/disabled/);

    expect((await admin.patch(`/api/admin/users/${account.id}`, { disabled: false })).status).toBe(200);
    expect((await new ApiClient().signIn(account.email, account.password)).status).toBe(200);
    // Disabling ended the sessions: the cookie from before is not brought back to life.
    expect((await account.client.get("/api/profile")).status).toBe(401);
  });

  it("a role change shows on the user's next request, with the same cookie", async () => {
    const account = await newAccount("LEARNER", "promote");
    expect((await admin.patch(`/api/admin/users/${account.id}`, { role: "INSTRUCTOR" })).status).toBe(200);
    const profile = await account.client.get("/api/profile", { keepJar: true });
    expect(profile.json<UserBody>().user.role).toBe("INSTRUCTOR");

    expect((await admin.patch(`/api/admin/users/${account.id}`, { role: "LEARNER" })).status).toBe(200);
    expect((await account.client.get("/api/profile")).json<UserBody>().user.role).toBe("LEARNER");
  });

  it("the admin API lists and finds users, and answers an unknown user with 404", async () => {
    const account = await newAccount("INSTRUCTOR", "findme");
    const list = await admin.get(`/api/admin/users?q=${encodeURIComponent(account.email)}`);
    expect(list.status).toBe(200);
    expect(list.json()).toMatchObject({ users: [{ id: account.id, role: "INSTRUCTOR" }], total: 1, page: 1, pageSize: 25 });
    const instructors = await admin.get("/api/admin/users?role=INSTRUCTOR");
    expect(instructors.json<{ users: { role: string }[] }>().users.every((u) => u.role === "INSTRUCTOR")).toBe(true);
    expect((await admin.get("/api/admin/users?page=0")).status).toBe(400);
    const detail = await admin.get(`/api/admin/users/${account.id}`);
    expect(detail.json()).toMatchObject({ user: { id: account.id, email: account.email }, courses: [], enrollments: [] });
    expect((await admin.get("/api/admin/users/no-such-user")).status).toBe(404);
    expect((await admin.patch("/api/admin/users/no-such-user", { role: "LEARNER" })).status).toBe(404);
    expect((await admin.patch(`/api/admin/users/${account.id}`, {})).status).toBe(400);
  });
});

describe("changing the password", () => {
  it("ends the user's other sessions but keeps this one, and the new password is the one that works", async () => {
    const account = await newAccount("LEARNER", "change");
    const otherDevice = new ApiClient();
    expect((await otherDevice.signIn(account.email, account.password)).status).toBe(200);

    const wrongCurrent = await account.client.put("/api/profile/password", {
      currentPassword: "nope-nope-nope",
      newPassword: strongPassword(),
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.json<ErrorBody>().error.fields).toHaveProperty("currentPassword");
    expect((await otherDevice.get("/api/profile")).status).toBe(200);

    const newPassword = strongPassword();
    const before = account.client.sessionToken!;
    const changed = await account.client.put("/api/profile/password", { currentPassword: account.password, newPassword });
    expect(changed.status).toBe(200);
    expect(changed.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=ey"))).toBe(true);
    expect((await account.client.get("/api/profile")).status).toBe(200);
    expect((await otherDevice.get("/api/profile")).status).toBe(401);
    // This device has a new session: a copy of its cookie from before the change is signed out with the others.
    const copy = new ApiClient();
    copy.setCookie("authjs.session-token", before);
    expect((await copy.get("/api/profile")).status).toBe(401);
    const sessions = (await account.client.get("/api/profile/sessions")).json<{ sessions: { current: boolean }[] }>().sessions;
    expect(sessions).toEqual([expect.objectContaining({ current: true })]);

    expect((await new ApiClient().signIn(account.email, account.password)).status).toBe(401);
    expect((await new ApiClient().signIn(account.email, newPassword)).status).toBe(200);
  });

  it("renames the user and sets their bio with PATCH /api/profile", async () => {
    const account = await newAccount("LEARNER", "rename");
    const response = await account.client.patch("/api/profile", { name: "  New Name  " });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ user: { id: account.id, name: "New Name", email: account.email, bio: null } });
    expect((await account.client.patch("/api/profile", { name: "" })).status).toBe(400);

    const withBio = await account.client.patch("/api/profile", { name: "New Name", bio: " Teaches knots.\r\nSails. " });
    expect(withBio.json()).toEqual({ user: { id: account.id, name: "New Name", email: account.email, bio: "Teaches knots.\nSails." } });
    // Sending the name alone keeps the bio; an empty bio removes it.
    expect((await account.client.patch("/api/profile", { name: "Newer Name" })).json<{ user: { bio: string } }>().user.bio).toBe(
      "Teaches knots.\nSails.",
    );
    expect(
      (await account.client.patch("/api/profile", { name: "Newer Name", bio: "" })).json<{ user: { bio: null } }>().user.bio,
    ).toBeNull();
    const tooLong = await account.client.patch("/api/profile", { name: "Newer Name", bio: "x".repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty("bio");
  });
});

describe("the demo admin", () => {
  it("signs in with the demo password and is an admin", async () => {
    const response = await new ApiClient().signIn(DEMO_ADMIN, DEMO_PASSWORD);
    expect(response.json<UserBody>().user).toMatchObject({ email: DEMO_ADMIN, role: "ADMIN" });
  });
});

describe("secrets in answers", () => {
  it("no response of this file contained a password hash or a token hash", () => {
    expect(responseBodies.length).toBeGreaterThan(40);
    expect(leakingResponses()).toEqual([]);
  });
});
