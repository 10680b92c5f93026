import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { userSessions } from "@/lib/db/schema";
import { loadSignedInSession } from "./session-user";
import { changePassword } from "./update-profile";
import { startUserSession } from "./user-sessions";

const database = withTestDatabase();
withMailWorker(database);

const sessionIds = async (userId: string) =>
  (await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, userId))).map((r) => r.id);

describe("changing the password", () => {
  it("ends every other session and the old one of this device, and starts this device a new one", async () => {
    const user = await insertUser({ passwordHash: await hashPassword("old-password-123") });
    const stranger = await insertUser();
    const here = await startUserSession(user.id, { userAgent: "laptop", ip: "203.0.113.7" });
    await startUserSession(user.id, { userAgent: "phone", ip: null });
    const theirs = await startUserSession(stranger.id, { userAgent: "phone", ip: null });
    const device = { userAgent: "laptop again", ip: "203.0.113.8" };

    const changed = await changePassword(
      { ...user, sessionId: here },
      { currentPassword: "old-password-123", newPassword: "lantern-orchard-42" },
      device,
    );
    expect(changed).toMatchObject({ id: user.id, email: user.email, disabled: false, sessionId: expect.any(String) });
    expect(changed.sessionId).not.toBe(here);
    expect(await sessionIds(user.id)).toEqual([changed.sessionId]);
    expect(await loadSignedInSession(user.id, here)).toBeNull();
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, changed.sessionId!));
    expect(row).toMatchObject({ userAgent: "laptop again", ip: "203.0.113.8" });
    expect(await sessionIds(stranger.id)).toEqual([theirs]);
    expect(await verifyPassword("lantern-orchard-42", (await userRow(user.id)).passwordHash!)).toBe(true);
  });

  it("ends nothing when the current password is wrong", async () => {
    const user = await insertUser({ passwordHash: await hashPassword("old-password-123") });
    const here = await startUserSession(user.id, { userAgent: "laptop", ip: null });
    await expect(
      changePassword(
        { ...user, sessionId: here },
        { currentPassword: "wrong-password-1", newPassword: "lantern-orchard-42" },
        {
          userAgent: null,
          ip: null,
        },
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await sessionIds(user.id)).toEqual([here]);
  });
});
