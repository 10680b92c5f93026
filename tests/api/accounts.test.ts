import { beforeAll, describe, expect, it } from "vitest";
import {
  ApiClient,
  DEMO_ADMIN,
  DEMO_PASSWORD,
  demoAdmin,
  leakingResponses,
  newAccount,
  responseBodies,
  strongPassword,
  uniqueEmail,
} from "../helpers/api-client";
import { baseUrl } from "../helpers/base-url";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type UserBody = { user: { id: string; name: string; email: string; role: string } };

const WRONG = "Wrong e-mail address or password.";

let admin: ApiClient;
beforeAll(async () => {
  admin = await demoAdmin();
});

describe("sign-up over HTTP", () => {
  it("answers 201 with the user and an HttpOnly, SameSite=Lax session cookie that works at once", async () => {
    const client = new ApiClient();
    const email = uniqueEmail("signup");
    const response = await client.signUp({ name: "Ada Tester", email: email.toUpperCase(), password: strongPassword() });
    expect(response.status).toBe(201);
    const body = response.json<UserBody & { next: string }>();
    expect(body).toEqual({ user: { id: expect.any(String), name: "Ada Tester", email, role: "LEARNER" }, next: "/onboarding" });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);

    const profile = await client.get("/api/profile");
    expect(profile.status).toBe(200);
    expect(profile.json<UserBody>().user).toEqual(body.user);
  });

  it("refuses a second account for the same address with 409", async () => {
    const email = uniqueEmail("dup");
    expect((await new ApiClient().signUp({ email, password: strongPassword() })).status).toBe(201);
    const again = await new ApiClient().signUp({ email: ` ${email.toUpperCase()} `, password: strongPassword() });
    expect(again.status).toBe(409);
    expect(again.json<ErrorBody>().error).toMatchObject({ code: "CONFLICT", fields: { email: expect.any(String) } });
    expect(again.headers.getSetCookie()).toEqual([]);
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
    expect(own.status).toBe(201);
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
  it("lets a new user pick LEARNER or INSTRUCTOR once, and says where to go next", async () => {
    const learner = new ApiClient();
    await learner.signUp({ email: uniqueEmail("onb"), password: strongPassword() });
    const asLearner = await learner.onboard("LEARNER", "Lena Learner");
    expect(asLearner.status).toBe(200);
    expect(asLearner.json()).toMatchObject({ user: { role: "LEARNER", name: "Lena Learner" }, next: "/dashboard" });

    const instructor = new ApiClient();
    await instructor.signUp({ email: uniqueEmail("onb"), password: strongPassword() });
    const asInstructor = await instructor.onboard("INSTRUCTOR", "Ian Instructor");
    expect(asInstructor.json()).toMatchObject({ user: { role: "INSTRUCTOR" }, next: "/instructor" });
    expect((await instructor.get("/api/profile")).json<UserBody>().user.role).toBe("INSTRUCTOR");

    const again = await instructor.onboard("LEARNER");
    expect(again.status).toBe(409);
    expect((await instructor.get("/api/profile")).json<UserBody>().user.role).toBe("INSTRUCTOR");
  });

  it("never lets a user choose ADMIN, and needs a session", async () => {
    const client = new ApiClient();
    await client.signUp({ email: uniqueEmail("onb"), password: strongPassword() });
    const response = await client.post("/api/onboarding", { name: "Sneaky", role: "ADMIN" });
    expect(response.status).toBe(400);
    expect(response.json<ErrorBody>().error.fields).toHaveProperty("role");
    expect((await client.get("/api/profile")).json<UserBody>().user.role).toBe("LEARNER");
    expect((await new ApiClient().onboard("LEARNER")).status).toBe(401);
  });
});

describe("sign-out through Auth.js", () => {
  it("clears the session cookie with Auth.js's CSRF token, after which the API answers 401", async () => {
    const account = await newAccount("LEARNER", "signout");
    const { client } = account;
    expect((await client.get("/api/profile")).status).toBe(200);

    const stolen = client.sessionToken!;
    const response = await client.signOut();
    expect(response.status).toBe(302);
    expect(client.sessionToken).toBeUndefined();
    expect((await client.get("/api/profile")).status).toBe(401);
    // A copy of the token taken before signing out no longer works either.
    client.setCookie("authjs.session-token", stolen);
    expect((await client.get("/api/profile")).status).toBe(401);
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
  it("a disabled user's next API call is 401 and they cannot sign in; enabled again, they can", async () => {
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

    const wrongCurrent = await account.client.put("/api/profile/password", { currentPassword: "nope-nope-nope", newPassword: strongPassword() });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.json<ErrorBody>().error.fields).toHaveProperty("currentPassword");
    expect((await otherDevice.get("/api/profile")).status).toBe(200);

    const newPassword = strongPassword();
    const changed = await account.client.put("/api/profile/password", { currentPassword: account.password, newPassword });
    expect(changed.status).toBe(200);
    expect(changed.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=ey"))).toBe(true);
    expect((await account.client.get("/api/profile")).status).toBe(200);
    expect((await otherDevice.get("/api/profile")).status).toBe(401);

    expect((await new ApiClient().signIn(account.email, account.password)).status).toBe(401);
    expect((await new ApiClient().signIn(account.email, newPassword)).status).toBe(200);
  });

  it("renames the user with PATCH /api/profile", async () => {
    const account = await newAccount("LEARNER", "rename");
    const response = await account.client.patch("/api/profile", { name: "  New Name  " });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ user: { id: account.id, name: "New Name", email: account.email } });
    expect((await account.client.patch("/api/profile", { name: "" })).status).toBe(400);
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
