import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { emailTokens } from "@/lib/db/schema";
import { confirmEmailChange, requestEmailChange } from "./change-email";
import { issueEmailToken } from "./email-verification";

const database = withTestDatabase();
const mail = withMailWorker(database);

const PASSWORD = "quiet-harbour-lamp";
/** The outbox mails to this address, once the queued mail has gone out. */
async function mailsTo(address: string) {
  await mail.drain();
  if (!fs.existsSync(env.mailDir)) return [];
  return fs
    .readdirSync(env.mailDir)
    .filter((f) => f.endsWith(`-${address}.eml`))
    .map((f) => fs.readFileSync(`${env.mailDir}/${f}`, "utf8"));
}
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2)}@example.test`;

describe("changing one's e-mail address", () => {
  it("mails a link to the new address; opening it moves the account, verifies the new address and tells the old one", async () => {
    const user = await insertUser({ email: unique("old"), passwordHash: await hashPassword(PASSWORD) });
    const next = unique("new");
    await requestEmailChange(user, { email: next, currentPassword: PASSWORD }, "192.0.2.1");
    expect((await userRow(user.id)).email).toBe(user.email);
    const [pending] = await db.select().from(emailTokens).where(eq(emailTokens.userId, user.id));
    expect(pending).toMatchObject({ purpose: "change_email", email: next });
    expect((await mailsTo(next)).join()).toMatch(/Confirm your new BudhHub address/);

    const token = await issueEmailToken(db, { userId: user.id, purpose: "change_email", email: next });
    expect(await confirmEmailChange(token)).toEqual({ email: next });
    expect(await userRow(user.id)).toMatchObject({ email: next, emailVerified: expect.any(Date) });
    expect((await mailsTo(user.email)).join()).toMatch(/Your BudhHub address was changed/);
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("needs a verified address and the current password", async () => {
    const unverified = await insertUser({ verified: false, passwordHash: await hashPassword(PASSWORD) });
    await expect(requestEmailChange(unverified, { email: unique("x"), currentPassword: PASSWORD }, "192.0.2.2")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const user = await insertUser({ passwordHash: await hashPassword(PASSWORD) });
    await expect(requestEmailChange(user, { email: unique("x") }, "192.0.2.2")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(requestEmailChange(user, { email: unique("x"), currentPassword: "wrong-password-1" }, "192.0.2.2")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await db.select().from(emailTokens)).toEqual([]);
  });

  it("answers the same for an address that has an account, tells its owner, and issues no link", async () => {
    const owner = await insertUser({ email: unique("owner") });
    const user = await insertUser();
    await requestEmailChange(user, { email: owner.email }, "192.0.2.3");
    expect(await db.select().from(emailTokens)).toEqual([]);
    expect((await mailsTo(owner.email)).join()).toMatch(/already has an account/);
  });

  it("refuses the change if the address was taken between the link and its use", async () => {
    const user = await insertUser();
    const wanted = unique("wanted");
    const token = await issueEmailToken(db, { userId: user.id, purpose: "change_email", email: wanted });
    await insertUser({ email: wanted });
    await expect(confirmEmailChange(token)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await userRow(user.id)).email).toBe(user.email);
  });
});
