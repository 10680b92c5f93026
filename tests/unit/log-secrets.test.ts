import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { logOptions } from "@/lib/log/logger";
import { findSecrets } from "../helpers/log-secrets";

/** The scan tests/run-with-server.ts runs over the server's whole log: it must see what the logger lets through. */
describe("the log secret scan", () => {
  const samples = [
    "password_hash $2b$12$2XZ3H.Uh8ZdJ6XE8dbcz8.uKy/ivLa45X.PJWeehwdBSF.gVvJOue",
    "cookie authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..c2Vzc2lvbi1pdg.Y2lwaGVydGV4dC1vZi1hLXNlc3Npb24.dGFn",
    "GET /api/storage/objects/courses/x/a.pdf?expires=1&signature=c2lnbmF0dXJlLXZhbHVl",
    "https://bucket.test/k?X-Amz-Algorithm=AWS4&X-Amz-Signature=0123456789abcdef",
    "link http://localhost:3000/verify-email?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd",
  ];
  // A password in free text cannot be told from other words; the logger masks it by the field that holds it.
  const password = "tide-0123456789ab-lantern";

  it("finds each kind of secret in a raw line", () => {
    expect(samples.map((line) => findSecrets(line).length)).toEqual(samples.map(() => 1));
    expect(findSecrets(`signed in with ${password}`)).toHaveLength(1);
  });

  it("finds none of them once the app's logger has written them", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ ...logOptions, level: "trace" }, stream);
    for (const line of samples) {
      logger.info(line);
      logger.warn({ detail: line }, "with a field");
      logger.error({ err: new Error(line) }, "with an error");
    }
    logger.info({ body: { email: "a@example.test", password, currentPassword: password, newPassword: password } }, "request");
    expect(lines).toHaveLength(samples.length * 3 + 1);
    expect(findSecrets(lines.join(""))).toEqual([]);
  });
});
