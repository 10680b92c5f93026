import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { assertWithinLimits, consume, describeWait, enforceLimits, limits } from "./rate-limit";

withTestDatabase();

// 15 seconds into a minute (and into an hour): windows are aligned to the epoch.
const now = Date.UTC(2030, 0, 1, 10, 0, 15);
const minute = 60_000;

describe("fixed-window rate limits in Postgres", () => {
  it("counts per key and per window", async () => {
    const a = { key: "test:a", limit: 3, windowSeconds: 60 };
    const b = { key: "test:b", limit: 3, windowSeconds: 60 };
    expect((await consume(a, now)).count).toBe(1);
    expect((await consume(a, now + 1000)).count).toBe(2);
    expect((await consume(b, now)).count).toBe(1);
    expect(await consume(a, now + 2000)).toEqual({ allowed: true, count: 3, retryAfterSeconds: 43 });
    expect(await consume(a, now + 3000)).toEqual({ allowed: false, count: 4, retryAfterSeconds: 42 });
    // The next window starts again at 1.
    expect(await consume(a, now + minute)).toEqual({ allowed: true, count: 1, retryAfterSeconds: 45 });
    expect(await db.select().from(rateLimits).where(eq(rateLimits.key, "test:a"))).toHaveLength(2);
    // A later window clears the key's windows that ended before it began.
    expect((await consume(a, now + 3 * minute)).count).toBe(1);
    const left = await db.select().from(rateLimits).where(eq(rateLimits.key, "test:a"));
    expect(left.map((r) => r.windowStart.getTime())).toEqual([now - 15_000 + 3 * minute]);
  });

  it("refuses the 11th sign-in in a minute from one address with a 429, Retry-After and when to try again", async () => {
    for (let i = 0; i < 10; i++) await enforceLimits(limits.signIn("198.51.100.7", `person${i}@example.test`), "sign-in attempts", now);
    const error = await refusal(enforceLimits(limits.signIn("198.51.100.7", "person10@example.test"), "sign-in attempts", now));
    expect(error.status).toBe(429);
    expect(error.options.retryAfterSeconds).toBe(45);
    expect(error.userMessage).toBe("Too many sign-in attempts. Try again in 45 seconds.");
    // Another address is not affected; the next minute starts afresh.
    await enforceLimits(limits.signIn("198.51.100.8", "person10@example.test"), "sign-in attempts", now);
    await enforceLimits(limits.signIn("198.51.100.7", "person11@example.test"), "sign-in attempts", now + minute);
  });

  it("refuses the 11th sign-in in a minute for one e-mail address from many addresses", async () => {
    for (let i = 0; i < 10; i++) await enforceLimits(limits.signIn(`192.0.2.${i}`, "target@example.test"), "sign-in attempts", now);
    const error = await refusal(enforceLimits(limits.signIn("192.0.2.99", "target@example.test"), "sign-in attempts", now));
    expect(error.code).toBe("RATE_LIMITED");
  });

  it("allows 5 mails an hour per address and 20 per network, and says the wait in minutes", async () => {
    for (let i = 0; i < 5; i++) await enforceLimits(limits.mail("reset", "203.0.113.5", "a@example.test"), "password reset requests", now);
    const perEmail = await refusal(enforceLimits(limits.mail("reset", "203.0.113.6", "a@example.test"), "password reset requests", now));
    expect(perEmail.options.retryAfterSeconds).toBe(3600 - 15);
    expect(perEmail.userMessage).toBe("Too many password reset requests. Try again in 60 minutes.");
    // Magic links count separately from resets.
    await enforceLimits(limits.mail("magic", "203.0.113.6", "a@example.test"), "sign-in links requested", now);

    for (let i = 0; i < 20; i++) await enforceLimits(limits.mail("magic", "203.0.113.9", `m${i}@example.test`), "x", now);
    expect((await refusal(enforceLimits(limits.mail("magic", "203.0.113.9", "new@example.test"), "x", now))).status).toBe(429);
  });

  it("allows 10 sign-ups an hour per address", async () => {
    for (let i = 0; i < 10; i++) await enforceLimits(limits.signUp("203.0.113.20"), "sign-ups from your network", now);
    expect((await refusal(enforceLimits(limits.signUp("203.0.113.20"), "sign-ups from your network", now))).status).toBe(429);
    await enforceLimits(limits.signUp("203.0.113.20"), "sign-ups from your network", now + 60 * minute);
  });

  it("assertWithinLimits refuses a used-up limit without counting anything itself", async () => {
    const checks = limits.mail("magic", "203.0.113.30", "b@example.test");
    for (let i = 0; i < 7; i++) await assertWithinLimits(checks, "sign-in links requested", now);
    expect(await db.select().from(rateLimits)).toHaveLength(0);

    for (let i = 0; i < 4; i++) await consume(checks[0]!, now);
    await assertWithinLimits(checks, "sign-in links requested", now);
    expect((await consume(checks[0]!, now)).count).toBe(5);
    const error = await refusal(assertWithinLimits(checks, "sign-in links requested", now));
    expect(error.status).toBe(429);
    expect(error.options.retryAfterSeconds).toBe(3600 - 15);
    expect((await consume(checks[0]!, now + 1000)).count).toBe(6);
  });

  it("describes waits in seconds under a minute and in whole minutes above", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
  });
});
