import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("configuration", () => {
  it("defaults to the embedded set-up", () => {
    const env = parseEnv({});
    expect(env.databaseDriver).toBe("pglite");
    expect(env.embedded).toBe(true);
    expect(env.STORAGE_DRIVER).toBe("local");
    expect(env.pgliteDir).toMatch(/\.data[/\\]pglite$/);
    expect(env.storageDir).toMatch(/\.data[/\\]storage$/);
    expect(env.mailDir).toMatch(/\.data[/\\]mail$/);
    expect(env.UPLOAD_MAX_VIDEO_BYTES).toBe(4 * 1024 ** 3);
  });

  it("names the platform BudhHub unless PLATFORM_NAME says otherwise, and refuses a name with a line break", () => {
    expect(parseEnv({}).PLATFORM_NAME).toBe("BudhHub");
    expect(parseEnv({ PLATFORM_NAME: "  Lotus School " }).PLATFORM_NAME).toBe("Lotus School");
    expect(() => parseEnv({ PLATFORM_NAME: "Lotus\nBcc: x@example.test" })).toThrow(/PLATFORM_NAME/);
  });

  it("picks node-postgres for a DATABASE_URL and Neon for a Neon host or DATABASE_DRIVER=neon", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db.example.com:5432/app" }).databaseDriver).toBe("pg");
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@ep-cool-1.eu-central-1.aws.neon.tech/app" }).databaseDriver).toBe("neon");
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1/app", DATABASE_DRIVER: "neon" }).databaseDriver).toBe("neon");
  });

  it("accepts .env.example copied as it is, and it documents every variable the app reads", () => {
    const lines = fs.readFileSync(".env.example", "utf8").split("\n");
    const entries = lines.filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]);
    const env = parseEnv(Object.fromEntries(entries));
    expect(env.databaseDriver).toBe("pglite");
    expect(env.STORAGE_DRIVER).toBe("local");
    const documented = new Set(entries.map(([key]) => key));
    const source = fs.readFileSync("src/env.ts", "utf8");
    const read = [...source.matchAll(/^\s{4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    const internal = new Set(["NODE_ENV", "NEXT_RUNTIME", "NEXT_PHASE", "PORT"]);
    expect(read.filter((key) => !internal.has(key) && !documented.has(key))).toEqual([]);
  });

  it("drains for 5 s on SIGTERM with a database server, not at all embedded, or as long as SHUTDOWN_DRAIN_MS says", () => {
    expect(parseEnv({}).shutdownDrainMs).toBe(0);
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1/app" }).shutdownDrainMs).toBe(5000);
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@127.0.0.1/app", SHUTDOWN_DRAIN_MS: "0" }).shutdownDrainMs).toBe(0);
    expect(parseEnv({ SHUTDOWN_DRAIN_MS: "15000" }).shutdownDrainMs).toBe(15000);
    expect(() => parseEnv({ SHUTDOWN_DRAIN_MS: "-1" })).toThrow(/SHUTDOWN_DRAIN_MS is 0 or more/);
  });

  it("refuses FAULT_INJECTION unless APP_URL is a loopback address", () => {
    expect(parseEnv({ FAULT_INJECTION: "upload:after-claim", APP_URL: "http://127.0.0.1:4000" }).FAULT_INJECTION).toBe(
      "upload:after-claim",
    );
    expect(() => parseEnv({ FAULT_INJECTION: "upload:after-claim", APP_URL: "https://learn.example.org" })).toThrow(
      /FAULT_INJECTION.*loopback/,
    );
    expect(() => parseEnv({ FAULT_INJECTION: "upload:after-claim" })).toThrow(/FAULT_INJECTION/);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET is required when STORAGE_DRIVER=s3/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ DATABASE_DRIVER: "pg" })).toThrow(/needs a DATABASE_URL/);
  });

  it("reads admin e-mails as a lower-cased list", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Boss@Example.com, ops@example.com ,," }).adminEmails).toEqual([
      "boss@example.com",
      "ops@example.com",
    ]);
  });
});
