import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { linkIn, readMail } from "../../../tests/helpers/mail-text";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { verifyPassword } from "@/lib/auth/password";
import { resetPassword } from "@/lib/users/password-reset";
import { startUserSession } from "@/lib/users/user-sessions";
import { getUserDetail } from "./get-user-detail";
import { listUsers } from "./list-users";
import { sendPasswordResetByAdmin } from "./send-password-reset";

const database = withTestDatabase();
const mail = withMailWorker(database);

/** The outbox mails to this address, once the queued mail has gone out. */
async function mailsTo(address: string): Promise<string[]> {
  await mail.drain();
  if (!fs.existsSync(env.mailDir)) return [];
  return fs
    .readdirSync(env.mailDir)
    .filter((f) => f.endsWith(`-${address}.eml`))
    .sort()
    .map((f) => fs.readFileSync(`${env.mailDir}/${f}`, "utf8"));
}

describe("an admin sends a password-reset link", () => {
  it("mails the forgot-password link, which sets a new password; learners may not; 3 an hour per user", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const user = await insertUser({ email: `reset-${Date.now()}@example.test` });
    await expect(sendPasswordResetByAdmin(user, admin.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sendPasswordResetByAdmin(admin, "no-such-user")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await sendPasswordResetByAdmin(admin, user.id)).toEqual({ email: user.email });
    const mailed = readMail((await mailsTo(user.email)).at(-1)!);
    expect(mailed.subject).toBe("Reset your BudhHub password");
    const token = new URL(linkIn(mailed, "/reset-password?token=")).searchParams.get("token")!;
    await resetPassword({ token, password: "amber-walnut-lantern" });
    expect(await verifyPassword("amber-walnut-lantern", (await userRow(user.id)).passwordHash!)).toBe(true);
    await sendPasswordResetByAdmin(admin, user.id);
    await sendPasswordResetByAdmin(admin, user.id);
    await expect(sendPasswordResetByAdmin(admin, user.id)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("sends none to a disabled account", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const gone = await insertUser({ disabled: true });
    await expect(sendPasswordResetByAdmin(admin, gone.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await mailsTo(gone.email)).toHaveLength(0);
  });
});

describe("a user's last sign-in", () => {
  it("is set as each session starts, and admins see it on the user and in the list", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const user = await insertUser();
    expect((await getUserDetail(admin, user.id)).user.lastSignInAt).toBeNull();
    const at = new Date("2026-03-04T05:06:07Z");
    await startUserSession(user.id, { userAgent: null, ip: null }, undefined, at);
    expect((await getUserDetail(admin, user.id)).user.lastSignInAt).toEqual(at);
    const later = new Date("2026-03-05T05:06:07Z");
    await startUserSession(user.id, { userAgent: null, ip: null }, undefined, later);
    const listed = await listUsers(admin, { q: user.email, page: 1, role: undefined });
    expect(listed.users.map((u) => u.lastSignInAt)).toEqual([later]);
  });
});
