import { describe, expect, it } from "vitest";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { hashPassword } from "@/lib/auth/password";
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
});
