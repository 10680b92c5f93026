import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { emailTokens, users } from "@/lib/db/schema";
import { hashToken } from "@/lib/auth/link-token";
import { EMAIL_TOKEN_TTL_MS, issueEmailToken, resendVerification, verifyEmail } from "./email-verification";

const database = withTestDatabase();
withMailWorker(database);

const t0 = new Date("2030-01-01T10:00:00Z");

async function unverified(email = `new-${Math.random().toString(36).slice(2)}@example.test`) {
  return insertUser({ email, verified: false, onboarded: false });
}

describe("e-mail verification", () => {
  it("stores only the token's SHA-256, for 24 hours, and verifies once", async () => {
    const user = await unverified();
    const token = await issueEmailToken(db, { userId: user.id, purpose: "verify_email", email: user.email }, t0);
    const [row] = await db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - t0.getTime()).toBe(EMAIL_TOKEN_TTL_MS);

    const signedIn = await verifyEmail(token, new Date(t0.getTime() + 60_000));
    expect(signedIn).toMatchObject({ id: user.id, emailVerified: true, role: "LEARNER" });
    await expect(verifyEmail(token, new Date(t0.getTime() + 120_000))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an expired link, a link of another purpose, and a link for an address the account no longer has", async () => {
    const user = await unverified();
    const late = await issueEmailToken(db, { userId: user.id, purpose: "verify_email", email: user.email }, t0);
    await expect(verifyEmail(late, new Date(t0.getTime() + EMAIL_TOKEN_TTL_MS))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const change = await issueEmailToken(db, { userId: user.id, purpose: "change_email", email: "other@example.test" }, t0);
    await expect(verifyEmail(change, t0)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const stale = await issueEmailToken(db, { userId: user.id, purpose: "verify_email", email: "old@example.test" }, t0);
    await expect(verifyEmail(stale, t0)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await userRow(user.id)).emailVerified).toBeNull();
  });

  it("makes an ADMIN_EMAILS address an admin only once it is verified", async () => {
    const user = await unverified("root@example.test");
    expect((await userRow(user.id)).role).toBe("LEARNER");
    const token = await issueEmailToken(db, { userId: user.id, purpose: "verify_email", email: user.email });
    expect(await verifyEmail(token)).toMatchObject({ role: "ADMIN", emailVerified: true });
  });

  it("resends at most three links an hour, and none to a verified address", async () => {
    const user = await unverified();
    for (let i = 0; i < 3; i++) await resendVerification(user);
    await expect(resendVerification(user)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.select().from(emailTokens).where(eq(emailTokens.userId, user.id))).toHaveLength(3);
    const verified = await insertUser();
    await expect(resendVerification(verified)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.select({ id: users.id }).from(users)).length).toBe(2);
  });
});
