import { describe, expect, it } from "vitest";
import { ApiClient, type ApiResponse, newAccount, strongPassword, uniqueEmail } from "../helpers/api-client";

type ErrorBody = { error: { code: string; message: string } };

function expectTooMany(response: ApiResponse, maxWaitSeconds: number) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWaitSeconds);
  const { error } = response.json<ErrorBody>();
  expect(error.code).toBe("RATE_LIMITED");
  expect(error.message).toMatch(/^Too many .+\. Try again in \d+ (second|minute)s?\.$/);
  return error.message;
}

/**
 * The limits are fixed windows aligned to the clock: attempts that straddle a window's end are counted in two
 * windows. Start a burst only when it has `seconds` left in the current window.
 */
async function withTimeLeftInWindow(windowSeconds: number, seconds: number) {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

describe("rate limits over HTTP", { timeout: 120_000 }, () => {
  it("refuses the 11th sign-in in a minute from one address with 429, even with the right password", async () => {
    const account = await newAccount("LEARNER", "limit-signin");
    const client = new ApiClient();
    await withTimeLeftInWindow(60, 25);
    const guesses = await Promise.all(Array.from({ length: 10 }, () => client.signIn(uniqueEmail("guess"), "wrong-password")));
    expect(guesses.map((r) => r.status)).toEqual(Array(10).fill(401));
    const message = expectTooMany(await client.signIn(account.email, account.password), 60);
    expect(message).toMatch(/sign-in attempts/);
    expect(client.sessionToken).toBeUndefined();
    // Another address is not held up.
    expect((await new ApiClient().signIn(account.email, account.password)).status).toBe(200);
  });

  it("refuses the 6th sign-in link for one address in an hour, from any client address", async () => {
    const email = uniqueEmail("limit-magic");
    await withTimeLeftInWindow(3600, 60);
    for (let i = 0; i < 5; i++) {
      expect((await new ApiClient().post("/api/auth/magic-link", { email })).status).toBe(200);
    }
    expectTooMany(await new ApiClient().post("/api/auth/magic-link", { email }), 3600);
    expect((await new ApiClient().post("/api/auth/magic-link", { email: uniqueEmail("limit-magic") })).status).toBe(200);
  });

  it("refuses the 6th password reset request for one address in an hour, known or not", async () => {
    const known = await newAccount("LEARNER", "limit-forgot");
    await withTimeLeftInWindow(3600, 60);
    for (const email of [known.email, uniqueEmail("limit-forgot-unknown")]) {
      const client = new ApiClient();
      for (let i = 0; i < 5; i++) expect((await client.post("/api/auth/forgot-password", { email })).status).toBe(200);
      expect(expectTooMany(await client.post("/api/auth/forgot-password", { email }), 3600)).toMatch(/password reset requests/);
    }
  });

  it("refuses the 11th sign-up from one address in an hour", async () => {
    const client = new ApiClient();
    await withTimeLeftInWindow(3600, 90);
    for (let i = 0; i < 10; i++) {
      const response = await new ApiClient(client.base, client.ip).signUp({
        email: uniqueEmail("limit-signup"),
        password: strongPassword(),
      });
      expect(response.status).toBe(202);
    }
    const email = uniqueEmail("limit-signup");
    expectTooMany(await client.signUp({ email, password: strongPassword() }), 3600);
    expect((await new ApiClient().signIn(email, "whatever-password")).status).toBe(401);
  });
});
