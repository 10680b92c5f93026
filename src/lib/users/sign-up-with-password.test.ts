import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { userRow } from "../../../tests/helpers/user-fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { signUpSchema } from "@/lib/validation/auth";
import { signUpWithPassword } from "./sign-up-with-password";

withTestDatabase();

describe("sign-up with a password", () => {
  it("creates a learner who still has to onboard, with a bcrypt hash of cost 12", async () => {
    const input = signUpSchema.parse({ name: " Grace ", email: " Grace@Example.TEST ", password: "violet-copper-kettle" });
    const user = await signUpWithPassword(input, "192.0.2.10");
    expect(user).toMatchObject({ name: "Grace", email: "grace@example.test", role: "LEARNER", onboarded: false, disabled: false });
    const row = await userRow(user.id);
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await verifyPassword("violet-copper-kettle", row.passwordHash!)).toBe(true);
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

  it("refuses a second account for the same address with 409", async () => {
    await signUpWithPassword({ name: "D", email: "d@example.test", password: "violet-copper-kettle" }, "192.0.2.12");
    await expect(
      signUpWithPassword({ name: "D2", email: "d@example.test", password: "another-long-one" }, "192.0.2.12"),
    ).rejects.toMatchObject({ code: "CONFLICT", options: { fields: { email: expect.any(String) } } });
  });
});
