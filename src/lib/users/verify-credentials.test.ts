import { describe, expect, it } from "vitest";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { hashPassword } from "@/lib/auth/password";
import { consume, countInWindow, limits, signInSlowdownMs } from "@/lib/rate-limit/rate-limit";
import { verifyCredentials, WRONG_CREDENTIALS } from "./verify-credentials";

withTestDatabase();

const PASSWORD = "quiet-harbour-lamp";

describe("verifyCredentials", () => {
  it("returns the user for the right password, without the hash", async () => {
    const user = await insertUser({ email: "right@example.test", passwordHash: await hashPassword(PASSWORD) });
    const signedIn = await verifyCredentials({ email: "right@example.test", password: PASSWORD }, "192.0.2.1");
    expect(signedIn).toEqual(user);
    expect(JSON.stringify(signedIn)).not.toMatch(/\$2[aby]\$|passwordHash/);
  });

  it("answers an unknown e-mail, a wrong password and a password-less account with one 401 message", async () => {
    await insertUser({ email: "known@example.test", passwordHash: await hashPassword(PASSWORD) });
    await insertUser({ email: "magic@example.test" });
    const unknown = await refusal(verifyCredentials({ email: "unknown@example.test", password: PASSWORD }, "192.0.2.2"));
    const wrong = await refusal(verifyCredentials({ email: "known@example.test", password: "not-the-password" }, "192.0.2.2"));
    const noPassword = await refusal(verifyCredentials({ email: "magic@example.test", password: PASSWORD }, "192.0.2.2"));
    for (const error of [unknown, wrong, noPassword]) {
      expect(error.status).toBe(401);
      expect(error.userMessage).toBe(WRONG_CREDENTIALS);
      expect(error.options).toEqual({});
    }
  });

  it("refuses a disabled account even with the right password", async () => {
    await insertUser({ email: "off@example.test", passwordHash: await hashPassword(PASSWORD), disabled: true });
    const error = await refusal(verifyCredentials({ email: "off@example.test", password: PASSWORD }, "192.0.2.3"));
    expect(error.status).toBe(401);
    expect(error.userMessage).toMatch(/disabled/);
  });

  it("counts every failed sign-in against the platform's budget, and slows every sign-in down once it is spent", async () => {
    await insertUser({ email: "sprayed@example.test", passwordHash: await hashPassword(PASSWORD) });
    const now = Date.UTC(2030, 0, 1, 10, 0, 5);
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    // One guess each from a few addresses: each counts against the platform's budget.
    for (let i = 0; i < 3; i++) {
      await refusal(verifyCredentials({ email: `guess${i}@example.test`, password: "Winter2026!" }, `198.51.100.${i}`, { wait, now }));
    }
    expect(await countInWindow(limits.failedSignIns, now)).toBe(3);
    expect(waits).toEqual([]);
    // The rest of a spraying run, from other addresses, spends the budget.
    for (let i = 3; i <= limits.failedSignIns.limit; i++) await consume(limits.failedSignIns, now);
    // The next sign-in, even a right one from a fresh address, waits first.
    const user = await verifyCredentials({ email: "sprayed@example.test", password: PASSWORD }, "192.0.2.200", { wait, now });
    expect(user.email).toBe("sprayed@example.test");
    expect(waits).toEqual([1000]);
    // A right password does not count as a failure.
    expect(await countInWindow(limits.failedSignIns, now)).toBe(limits.failedSignIns.limit + 1);
  });

  it("slows down by a second per hundred failures past the budget, at most ten", () => {
    expect(signInSlowdownMs(100, 100)).toBe(0);
    expect(signInSlowdownMs(101, 100)).toBe(1000);
    expect(signInSlowdownMs(200, 100)).toBe(1000);
    expect(signInSlowdownMs(201, 100)).toBe(2000);
    expect(signInSlowdownMs(100_000, 100)).toBe(10_000);
  });
});
