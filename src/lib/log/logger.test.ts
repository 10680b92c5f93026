import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { logOptions } from "./logger";

withTestDatabase();

/** The app's logger options, at the most talkative level, writing into an array. */
function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ ...logOptions, level: "trace" }, stream), lines };
}

const BCRYPT = /\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}/;
const SESSION_TOKEN = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..c2Vzc2lvbi1pdg.Y2lwaGVydGV4dC1vZi1hLXNlc3Npb24.dGFn";

describe("log lines", () => {
  it("never hold the parameters of a failed query (the new password hash at sign-up)", async () => {
    const passwordHash = await hashPassword("correct-horse-battery");
    await db.insert(users).values({ email: "taken@example.test", passwordHash });
    const error = await db
      .insert(users)
      .values({ email: "taken@example.test", passwordHash })
      .then(() => null)
      .catch((e: unknown) => e as Error);
    expect(error?.message).toContain(passwordHash);

    const { logger, lines } = captured();
    logger.error({ err: error }, "unhandled error");
    logger.error(error!);
    logger.error(`query failed: ${error!.message}`);
    const out = lines.join("");
    expect(out).toContain("Failed query: insert into");
    expect(out).toContain("[not logged]");
    expect(out).not.toContain(passwordHash);
    expect(out).not.toMatch(BCRYPT);
  });

  it("never hold passwords, session tokens, cookies, link tokens or URL signatures", () => {
    const { logger, lines } = captured();
    logger.info(
      { password: "tide-1234-lantern", user: { passwordHash: "$2b$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234" } },
      "sign-in",
    );
    logger.info({ headers: { cookie: `authjs.session-token=${SESSION_TOKEN}`, authorization: "Bearer abc.def" } }, "request");
    logger.warn({ url: "http://x.test/api/storage/objects/k?expires=1&signature=c2lnbmF0dXJl&size=3" }, "refused");
    logger.info({ url: "https://bucket.test/k?X-Amz-Credential=AKIA%2F&X-Amz-Signature=deadbeef" }, "signed");
    logger.info(`link: http://x.test/reset-password?token=secret-reset-token and ${SESSION_TOKEN}`);
    logger.error({ err: new Error(`cookie was authjs.session-token=${SESSION_TOKEN}`) }, "failed");
    const out = lines.join("");
    for (const secret of ["tide-1234-lantern", SESSION_TOKEN, "c2lnbmF0dXJl", "deadbeef", "secret-reset-token", "abc.def", "AKIA"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).not.toMatch(BCRYPT);
    // What is not secret stays readable.
    expect(out).toContain("/api/storage/objects/k?expires=1&signature=[redacted]&size=3");
    expect(out).toContain("reset-password?token=[redacted]");
  });
});
