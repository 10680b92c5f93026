import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { asAnonymous, asCookie, asUser, cookieHeaderFor } from "../../../tests/helpers/request-as";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { unreachableDatabase } from "../../../tests/helpers/unreachable-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db, getConnection, setConnection } from "@/lib/db/client";
import { users, userSessions, verificationTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { endSessionOf, LAST_SEEN_INTERVAL_MS, startUserSession } from "@/lib/users/user-sessions";
import { authHandlers as handlers } from "@/lib/auth/auth";
import { sessionCookieName } from "@/lib/auth/auth.config";
import { getAuthSecret } from "@/lib/auth/secret";
import { currentViewer } from "@/lib/auth/current-viewer";
import { requireRoleOf, requireSignedIn } from "@/lib/auth/viewer";

vi.mock("next/headers", async () => (await import("../../../tests/helpers/request-as")).nextHeadersMock);

withTestDatabase();

/** Auth.js's own session endpoint: decodes the cookie and runs the app's jwt and session callbacks. */
async function readSession(cookie: string) {
  const response = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie } }));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { user?: { id: string; role: string; onboarded: boolean } } | null;
  const renewed = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`));
  return { user: body?.user ?? null, renewed: renewed?.slice(sessionCookieName.length + 1).split(";")[0] ?? "" };
}

const setUser = (id: string, change: Partial<typeof users.$inferInsert>) => db.update(users).set(change).where(eq(users.id, id));

const tokenOf = (cookie: string) => decode({ token: cookie.split("=")[1]!, secret: getAuthSecret(), salt: sessionCookieName });
const sessionRow = async (id: string) => (await db.select().from(userSessions).where(eq(userSessions.id, id)))[0];

/** Signs out as the header's button does: Auth.js's CSRF token, then its sign-out endpoint (which fires the signOut event). */
async function signOut(cookie: string) {
  const csrf = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { cookie } }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.csrf-token="))!;
  const response = await handlers.POST(
    new NextRequest("http://localhost:3000/api/auth/signout", {
      method: "POST",
      headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }).toString(),
    }),
  );
  expect(response.status).toBe(302);
  expect(response.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookieName}=;`))).toBe(true);
}

describe("a session sees the user as they are now, not as the token says", () => {
  it("reads a role changed in the database on the next request, and writes it back into the renewed cookie", async () => {
    const user = await insertUser({ role: "LEARNER" });
    const cookie = await cookieHeaderFor(user);
    expect((await readSession(cookie)).user).toMatchObject({ id: user.id, role: "LEARNER", onboarded: true });

    await setUser(user.id, { role: "INSTRUCTOR" });
    const after = await readSession(cookie);
    expect(after.user).toMatchObject({ id: user.id, role: "INSTRUCTOR" });
    const token = await decode({ token: after.renewed, secret: getAuthSecret(), salt: sessionCookieName });
    expect(token).toMatchObject({ sub: user.id, role: "INSTRUCTOR", sid: (await tokenOf(cookie))!.sid });
  });

  it("lets a role check through on the request after an admin grants the role, and refuses it after it is taken away", async () => {
    const user = await insertUser({ role: "LEARNER" });
    const cookie = await asUser(user, async () => {
      await expect(currentViewer().then((viewer) => requireRoleOf(viewer, "INSTRUCTOR", "ADMIN"))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      return cookieHeaderFor(user);
    });
    await setUser(user.id, { role: "INSTRUCTOR" });
    // The same cookie, made while the user was a learner.
    await asUser({ ...user, role: "LEARNER" }, async () => {
      expect(requireRoleOf(await currentViewer(), "INSTRUCTOR", "ADMIN")).toMatchObject({ id: user.id, role: "INSTRUCTOR" });
    });
    await setUser(user.id, { role: "LEARNER" });
    expect((await readSession(cookie)).user?.role).toBe("LEARNER");
  });

  it("ends the session of a disabled user: no session, the cookie is cleared, requireUser is 401 for the edge's resolution", async () => {
    const user = await insertUser({ role: "INSTRUCTOR" });
    const cookie = await cookieHeaderFor(user);
    await setUser(user.id, { disabledAt: new Date() });
    const session = await readSession(cookie);
    expect(session.user).toBeNull();
    expect(session.renewed).toBe("");
    await asUser(user, async () => {
      const error = await currentViewer()
        .then(requireSignedIn)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(401);
    });
    // The flag alone refuses the session while it is set (an admin's disabling also ends the sessions: update-user.test.ts).
    await setUser(user.id, { disabledAt: null });
    expect((await readSession(cookie)).user?.id).toBe(user.id);
  });

  it("while the database cannot be reached: a 503, not signed out; the cookie is kept and works again after", async () => {
    const user = await insertUser({ role: "LEARNER" });
    const cookie = await cookieHeaderFor(user);
    const working = getConnection();
    const unreachable = await unreachableDatabase();
    setConnection(unreachable);
    let during: Awaited<ReturnType<typeof readSession>>;
    let error: unknown;
    try {
      during = await readSession(cookie);
      error = await asCookie(cookie, () => currentViewer().catch((e: unknown) => e));
    } finally {
      setConnection(working);
      await unreachable.close();
    }
    // Auth.js keeps the cookie (a renewed one, marked), where a throw would have cleared it and signed the user out.
    expect(during.renewed).not.toBe("");
    expect(await decode({ token: during.renewed, secret: getAuthSecret(), salt: sessionCookieName })).toMatchObject({
      sub: user.id,
      databaseUnavailable: true,
    });
    expect(AppError.is(error) && error.status).toBe(503);

    const after = await readSession(`${sessionCookieName}=${during.renewed}`);
    expect(after.user?.id).toBe(user.id);
    expect(await decode({ token: after.renewed, secret: getAuthSecret(), salt: sessionCookieName })).not.toHaveProperty(
      "databaseUnavailable",
    );
  });

  it("has no session for a deleted user, a forged cookie or no cookie", async () => {
    const user = await insertUser();
    const cookie = await cookieHeaderFor(user);
    await db.delete(users).where(eq(users.id, user.id));
    expect((await readSession(cookie)).user).toBeNull();
    expect((await readSession(`${sessionCookieName}=not-a-token`)).user).toBeNull();
    await asAnonymous(async () => {
      await expect(currentViewer().then(requireSignedIn)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });
  });
});

describe("one session per device", () => {
  it("signing out ends this device's session: the cookie and any copy of it stop working, another device stays signed in", async () => {
    const user = await insertUser();
    const laptop = await cookieHeaderFor(user);
    const copied = laptop;
    const phone = await cookieHeaderFor(user);
    expect((await readSession(laptop)).user?.id).toBe(user.id);

    await signOut(laptop);
    expect((await readSession(copied)).user).toBeNull();
    expect((await readSession(copied)).renewed).toBe("");
    expect(await sessionRow((await tokenOf(laptop))!.sid!)).toBeUndefined();
    expect((await readSession(phone)).user?.id).toBe(user.id);
  });

  it("a session signed out from another device ends on its next request", async () => {
    const user = await insertUser();
    const phone = await cookieHeaderFor(user);
    const laptopSession = await startUserSession(user.id, { userAgent: "laptop", ip: null });
    const phoneSession = (await tokenOf(phone))!.sid!;
    await endSessionOf({ ...user, sessionId: laptopSession }, phoneSession);
    expect((await readSession(phone)).user).toBeNull();
    await asUser(user, async () => {
      // A fresh sign-in works as before.
      expect((await currentViewer())?.id).toBe(user.id);
    });
  });

  it("the edge's acting user carries the session it came through", async () => {
    const user = await insertUser();
    await asUser(user, async () => {
      const viewer = await currentViewer();
      expect(viewer?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await sessionRow(viewer!.sessionId!)).toMatchObject({ userId: user.id });
    });
  });

  it("refuses a token made before sessions had ids, and one that names another user's session", async () => {
    const user = await insertUser();
    const other = await insertUser();
    const claims = { sub: user.id, name: user.name, email: user.email, role: user.role, onboarded: true, verified: true };
    const old = await encode({ secret: getAuthSecret(), salt: sessionCookieName, token: { ...claims, sv: 0 } });
    expect((await readSession(`${sessionCookieName}=${old}`)).user).toBeNull();
    const theirs = await startUserSession(other.id, { userAgent: "theirs", ip: null });
    const borrowed = await encode({ secret: getAuthSecret(), salt: sessionCookieName, token: { ...claims, sid: theirs } });
    expect((await readSession(`${sessionCookieName}=${borrowed}`)).user).toBeNull();
  });

  it("moves last seen on when a request comes after the interval, and not before", async () => {
    const user = await insertUser();
    const cookie = await cookieHeaderFor(user);
    const sid = (await tokenOf(cookie))!.sid!;
    const recent = new Date(Date.now() - LAST_SEEN_INTERVAL_MS / 2);
    await db.update(userSessions).set({ lastSeenAt: recent }).where(eq(userSessions.id, sid));
    await readSession(cookie);
    expect((await sessionRow(sid))!.lastSeenAt).toEqual(recent);

    const stale = new Date(Date.now() - LAST_SEEN_INTERVAL_MS - 60_000);
    await db.update(userSessions).set({ lastSeenAt: stale }).where(eq(userSessions.id, sid));
    const before = Date.now();
    await readSession(cookie);
    expect((await sessionRow(sid))!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("a magic link's sign-in starts a session of its own, with the device it came from, named in the cookie", async () => {
    const user = await insertUser();
    const link = "magic-link-token-for-the-session-test";
    await db.insert(verificationTokens).values({
      identifier: user.email,
      token: createHash("sha256").update(`${link}${getAuthSecret()}`).digest("hex"),
      expires: new Date(Date.now() + 60_000),
    });
    const response = await handlers.GET(
      new NextRequest(`http://localhost:3000/api/auth/callback/nodemailer?token=${link}&email=${encodeURIComponent(user.email)}`, {
        headers: {
          "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
          "x-forwarded-for": "203.0.113.9",
        },
      }),
    );
    expect(response.status).toBe(302);
    const set = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`))!;
    const cookie = set.split(";")[0]!;
    const token = await tokenOf(cookie);
    expect(token).toMatchObject({ sub: user.id, sid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await sessionRow(token!.sid!)).toMatchObject({
      userId: user.id,
      ip: "203.0.113.9",
      userAgent: expect.stringContaining("Firefox"),
    });
    expect((await readSession(cookie)).user?.id).toBe(user.id);
  });
});
