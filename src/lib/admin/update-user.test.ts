import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { db } from "@/lib/db/client";
import { users, userSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { loadSessionUser } from "@/lib/users/session-user";
import { startUserSession } from "@/lib/users/user-sessions";
import { updateUserByAdmin } from "./update-user";

const database = withTestDatabase();
withMailWorker(database);

const activeAdmins = async () =>
  (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "ADMIN"), isNull(users.disabledAt)))
  ).map((r) => r.id);

describe("admin user changes and the last-admin rule", () => {
  it("refuses the only active admin demoting or disabling themself, with 409, and changes nothing", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    // A disabled admin does not count as another admin.
    await insertUser({ role: "ADMIN", disabled: true });
    for (const change of [{ role: "INSTRUCTOR" as const }, { role: "LEARNER" as const }, { disabled: true }]) {
      const error = await updateUserByAdmin(admin, admin.id, change).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).userMessage).toMatch(/last active admin/);
    }
    // Changes that keep them an active admin are fine.
    expect(await updateUserByAdmin(admin, admin.id, { role: "ADMIN", disabled: false })).toMatchObject({ role: "ADMIN", disabledAt: null });

    const row = await userRow(admin.id);
    expect(row.role).toBe("ADMIN");
    expect(row.disabledAt).toBeNull();
  });

  it("lets an admin step down or be disabled when another active admin exists", async () => {
    const first = await insertUser({ role: "ADMIN" });
    const second = await insertUser({ role: "ADMIN" });
    expect(await updateUserByAdmin(first, first.id, { role: "INSTRUCTOR" })).toMatchObject({ id: first.id, role: "INSTRUCTOR" });

    expect(await activeAdmins()).toEqual([second.id]);
    await expect(updateUserByAdmin(second, second.id, { disabled: true })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("changes a user's role, disables and enables them, keeping the first disabled date", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const learner = await insertUser({ role: "LEARNER" });
    expect(await updateUserByAdmin(admin, learner.id, { role: "INSTRUCTOR" })).toMatchObject({ role: "INSTRUCTOR", disabledAt: null });
    const disabled = await updateUserByAdmin(admin, learner.id, { disabled: true });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    const again = await updateUserByAdmin(admin, learner.id, { disabled: true });
    expect(again.disabledAt).toEqual(disabled.disabledAt);
    expect((await updateUserByAdmin(admin, learner.id, { disabled: false })).disabledAt).toBeNull();
    await expect(updateUserByAdmin(admin, "no-such-user", { role: "LEARNER" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const answer = await updateUserByAdmin(admin, learner.id, { role: "LEARNER" });
    expect(Object.keys(answer).sort()).toEqual(["disabledAt", "email", "id", "name", "role"]);
  });

  it("disabling ends every session of the user (enabled again, they sign in anew); a role change ends none", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const learner = await insertUser({ role: "LEARNER" });
    const bystander = await insertUser({ role: "LEARNER" });
    const sessionsOf = async (userId: string) => (await db.select().from(userSessions).where(eq(userSessions.userId, userId))).length;
    for (const user of [learner, learner, bystander]) await startUserSession(user.id, { userAgent: "browser", ip: null });

    await updateUserByAdmin(admin, learner.id, { role: "INSTRUCTOR" });
    expect(await sessionsOf(learner.id)).toBe(2);
    await updateUserByAdmin(admin, learner.id, { disabled: true });
    expect(await sessionsOf(learner.id)).toBe(0);
    await updateUserByAdmin(admin, learner.id, { disabled: false });
    expect(await sessionsOf(learner.id)).toBe(0);
    expect(await sessionsOf(bystander.id)).toBe(1);
  });

  it("refuses everyone but admins, and admins who have just been demoted", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const learner = await insertUser({ role: "LEARNER" });
    for (const actor of [instructor, learner]) {
      await expect(updateUserByAdmin(actor, actor.id, { role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const other = await insertUser({ role: "ADMIN" });
    await updateUserByAdmin(other, admin.id, { role: "LEARNER" });
    // The demoted admin as the edge resolves them on their next request (tests/api: "a role change shows on the user's
    // next request"): a learner now.
    const demoted = (await loadSessionUser(admin.id))!;
    expect(demoted.role).toBe("LEARNER");
    await expect(updateUserByAdmin(demoted, learner.id, { role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await userRow(learner.id)).role).toBe("LEARNER");
  });

  it(`leaves one admin when two admins demote each other at the same time (${env.TEST_DATABASE_URL ? "Postgres server" : "PGlite, serial"})`, async () => {
    for (let round = 0; round < 3; round++) {
      await db.delete(users);
      const a = await insertUser({ role: "ADMIN" });
      const b = await insertUser({ role: "ADMIN" });
      const results = await Promise.allSettled([
        updateUserByAdmin(a, b.id, { role: "LEARNER" }),
        updateUserByAdmin(b, a.id, { disabled: true }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected")!.reason as AppError;
      // 409 when both passed the role check before either committed; 403 when the loser was already demoted; 401 when
      // the loser (a) was already disabled by b, since a disabled account has no session.
      expect(["CONFLICT", "FORBIDDEN", "UNAUTHORIZED"]).toContain(refused.code);
      expect(await activeAdmins()).toHaveLength(1);
    }
  });
});
