import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { emailTokens, users } from "@/lib/db/schema";
import { signUpSchema } from "@/lib/validation/auth";
import { signUpWithPassword } from "./sign-up-with-password";

const database = withTestDatabase();
const mail = withMailWorker(database);

/** The newest outbox mail to this address, once the queued mail has gone out. */
async function lastMailTo(address: string): Promise<string | undefined> {
  await mail.drain();
  if (!fs.existsSync(env.mailDir)) return undefined;
  const files = fs
    .readdirSync(env.mailDir)
    .filter((f) => f.endsWith(`-${address}.eml`))
    .sort();
  return files.length ? fs.readFileSync(`${env.mailDir}/${files.at(-1)}`, "utf8") : undefined;
}

describe("sign-up with a password", () => {
  it("creates an unverified learner who still has to onboard, with a bcrypt hash of cost 12, and mails a verification link", async () => {
    const input = signUpSchema.parse({ name: " Grace ", email: " Grace@Example.TEST ", password: "violet-copper-kettle" });
    await signUpWithPassword(input, "192.0.2.10");
    const [row] = await db.select().from(users).where(eq(users.email, "grace@example.test"));
    expect(row).toMatchObject({ name: "Grace", role: "LEARNER", onboardedAt: null, disabledAt: null, emailVerified: null });
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword("violet-copper-kettle", row!.passwordHash!)).toBe(true);
    const [token] = await db.select().from(emailTokens).where(eq(emailTokens.userId, row!.id));
    expect(token).toMatchObject({ purpose: "verify_email", email: "grace@example.test", usedAt: null });
    expect(await lastMailTo("grace@example.test")).toMatch(/Confirm your BudhHub address/);
  });

  it("asks for at least 10 characters", () => {
    const base = { name: "A", email: "a@example.test" };
    const short = signUpSchema.safeParse({ ...base, password: "nine-char" });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toMatchObject({ path: ["password"], message: "Use at least 10 characters." });
    expect(signUpSchema.safeParse({ ...base, password: "ten-chars!" }).success).toBe(true);
  });

  it("refuses a password on the common-password list, whatever its case, and creates nobody", async () => {
    for (const password of ["password123", "Password123", "qwertyuiop"]) {
      await expect(signUpWithPassword({ name: "C", email: "c@example.test", password }, "192.0.2.11")).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        options: { fields: { password: expect.stringMatching(/common passwords/) } },
      });
    }
    expect(await db.select().from(users).where(eq(users.email, "c@example.test"))).toHaveLength(0);
  });

  it("answers a known address as a new one, changes nothing, and tells the owner someone tried", async () => {
    const owner = await insertUser({ email: "d@example.test", passwordHash: await hashPassword("violet-copper-kettle") });
    const before = await userRow(owner.id);
    await expect(
      signUpWithPassword({ name: "D2", email: "d@example.test", password: "another-long-one" }, "192.0.2.12"),
    ).resolves.toBeUndefined();
    expect(await userRow(owner.id)).toEqual(before);
    expect(await db.select().from(emailTokens)).toEqual([]);
    const mailed = await lastMailTo("d@example.test");
    expect(mailed).toMatch(/Someone tried to create a BudhHub account with your address/);
    expect(mailed).toContain(`${env.appUrl}/forgot-password`);
  });

  it("makes an ADMIN_EMAILS address (the unit tests set root@example.test) a learner until it is verified", async () => {
    expect(env.adminEmails).toEqual(["root@example.test"]);
    await signUpWithPassword({ name: "E", email: "root@example.test", password: "violet-copper-kettle" }, "192.0.2.13");
    const [row] = await db.select().from(users).where(eq(users.email, "root@example.test"));
    expect(row!.role).toBe("LEARNER");
  });
});
