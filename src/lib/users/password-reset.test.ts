import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { passwordResetTokens, userSessions } from "@/lib/db/schema";
import { createResetToken, requestPasswordReset, resetPassword, RESET_TOKEN_TTL_MS } from "./password-reset";
import { startUserSession } from "./user-sessions";

const database = withTestDatabase();
withMailWorker(database);

const t0 = new Date("2030-01-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const NEW_PASSWORD = "lantern-orchard-42";

/** How many devices the user is signed in on. */
const sessionCount = async (userId: string) => (await db.select().from(userSessions).where(eq(userSessions.userId, userId))).length;
const signInOnTwoDevices = async (userId: string) => {
  await startUserSession(userId, { userAgent: "phone", ip: null });
  await startUserSession(userId, { userAgent: "laptop", ip: null });
};

async function userWithPassword() {
  return insertUser({ passwordHash: await hashPassword("old-password-123") });
}

describe("password reset tokens", () => {
  it("mails 32 random bytes and stores only their SHA-256", async () => {
    const user = await userWithPassword();
    const token = await createResetToken(user.id, t0);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await createResetToken(user.id, t0)).not.toBe(token);

    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(2);
    const stored = rows.map((r) => r.tokenHash);
    expect(stored).toContain(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - t0.getTime()).toBe(60 * 60 * 1000);
  });

  it("works within the hour and not from the hour on", async () => {
    const user = await userWithPassword();
    const late = await createResetToken(user.id, t0);
    await expect(resetPassword({ token: late, password: NEW_PASSWORD }, at(RESET_TOKEN_TTL_MS))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      options: { fields: { token: expect.any(String) } },
    });
    await expect(resetPassword({ token: late, password: NEW_PASSWORD }, at(RESET_TOKEN_TTL_MS + 60_000))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await verifyPassword("old-password-123", (await userRow(user.id)).passwordHash!)).toBe(true);

    await resetPassword({ token: late, password: NEW_PASSWORD }, at(RESET_TOKEN_TTL_MS - 1000));
    expect(await verifyPassword(NEW_PASSWORD, (await userRow(user.id)).passwordHash!)).toBe(true);
  });

  it("works once: sets the password, ends every session, and a second reset with the same token fails", async () => {
    const user = await userWithPassword();
    const token = await createResetToken(user.id, t0);
    const other = await createResetToken(user.id, t0);
    await signInOnTwoDevices(user.id);
    const bystander = await insertUser();
    await startUserSession(bystander.id, { userAgent: "theirs", ip: null });

    await resetPassword({ token, password: NEW_PASSWORD }, at(5 * 60_000));
    const after = await userRow(user.id);
    expect(await sessionCount(user.id)).toBe(0);
    expect(await sessionCount(bystander.id)).toBe(1);
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash!)).toBe(true);
    expect(await verifyPassword("old-password-123", after.passwordHash!)).toBe(false);

    await expect(resetPassword({ token, password: "another-password-77" }, at(6 * 60_000))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // The user's other unused link is dropped with the reset.
    await expect(resetPassword({ token: other, password: "another-password-77" }, at(6 * 60_000))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const final = await userRow(user.id);
    expect(await verifyPassword(NEW_PASSWORD, final.passwordHash!)).toBe(true);
  });

  it("refuses a common password without using up the token", async () => {
    const user = await userWithPassword();
    const token = await createResetToken(user.id, t0);
    await signInOnTwoDevices(user.id);
    await expect(resetPassword({ token, password: "password1234" }, at(60_000))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fields: { password: expect.stringMatching(/common/) } },
    });
    expect(await sessionCount(user.id)).toBe(2);
    await resetPassword({ token, password: NEW_PASSWORD }, at(120_000));
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("refuses an unknown token and changes nobody's password", async () => {
    const user = await userWithPassword();
    await createResetToken(user.id, t0);
    await signInOnTwoDevices(user.id);
    await expect(resetPassword({ token: "x".repeat(43), password: NEW_PASSWORD }, at(60_000))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await verifyPassword("old-password-123", (await userRow(user.id)).passwordHash!)).toBe(true);
    expect(await sessionCount(user.id)).toBe(2);
  });

  it("makes no token for an unknown or disabled address", async () => {
    const disabled = await insertUser({ disabled: true, email: "gone@example.test" });
    await requestPasswordReset("nobody@example.test", "203.0.113.1", t0);
    await requestPasswordReset(disabled.email, "203.0.113.1", t0);
    expect(await db.select().from(passwordResetTokens)).toHaveLength(0);
  });
});
