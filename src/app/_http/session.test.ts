import { eq, sql } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { asAnonymous, asUser, cookieHeaderFor } from "../../../tests/helpers/request-as";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { loadSessionUser } from "@/lib/users/session-user";
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

describe("a session sees the user as they are now, not as the token says", () => {
  it("reads a role changed in the database on the next request, and writes it back into the renewed cookie", async () => {
    const user = await insertUser({ role: "LEARNER" });
    const cookie = await cookieHeaderFor(user);
    expect((await readSession(cookie)).user).toMatchObject({ id: user.id, role: "LEARNER", onboarded: true });

    await setUser(user.id, { role: "INSTRUCTOR" });
    const after = await readSession(cookie);
    expect(after.user).toMatchObject({ id: user.id, role: "INSTRUCTOR" });
    const token = await decode({ token: after.renewed, secret: getAuthSecret(), salt: sessionCookieName });
    expect(token).toMatchObject({ sub: user.id, role: "INSTRUCTOR", sv: 0 });
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
    // Enabled again: the same cookie works again (disabling is not a sign-out of its own).
    await setUser(user.id, { disabledAt: null });
    expect((await readSession(cookie)).user?.id).toBe(user.id);
  });

  it("ends every session made before the session version moved on (password reset or change)", async () => {
    const user = await insertUser();
    const oldCookie = await cookieHeaderFor(user);
    await db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect((await readSession(oldCookie)).user).toBeNull();
    await asUser(user, async () => {
      await expect(currentViewer().then(requireSignedIn)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });

    const fresh = (await loadSessionUser(user.id))!;
    expect(fresh.sessionVersion).toBe(1);
    expect((await readSession(await cookieHeaderFor(fresh))).user?.id).toBe(user.id);
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
