import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { POST } from "@/app/api/notifications/unsubscribe/route";
import { db } from "@/lib/db/client";
import { notificationPreferences } from "@/lib/db/schema";
import { unsubscribeByToken } from "./unsubscribe";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token";

withTestDatabase();

const preferencesOf = (userId: string) =>
  db
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .orderBy(notificationPreferences.kind, notificationPreferences.channel);

/** A one-click POST as a mail client sends it: from another site, with no cookie, the RFC 8058 body. */
const oneClick = (token: string) =>
  POST(
    new Request(`http://localhost/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { origin: "https://mail.example.net", "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
    { params: Promise.resolve({}) },
  );

/** The same token with one character of its signature changed. */
const tampered = (token: string) => token.slice(0, -2) + (token.at(-2) === "A" ? "B" : "A") + token.at(-1);

describe("unsubscribe tokens", () => {
  it("name a user and a kind, and any change to them is refused", () => {
    const token = unsubscribeToken("user-1", "enrolled");
    expect(readUnsubscribeToken(token)).toEqual({ userId: "user-1", kind: "enrolled" });
    expect(readUnsubscribeToken(tampered(token))).toBeNull();
    // Another kind or user under the same signature.
    const [version, user, , signature] = token.split(".");
    expect(readUnsubscribeToken([version, user, "assignment_graded", signature].join("."))).toBeNull();
    expect(readUnsubscribeToken([version, Buffer.from("user-2").toString("base64url"), "enrolled", signature].join("."))).toBeNull();
    expect(readUnsubscribeToken(["2", user, "enrolled", signature].join("."))).toBeNull();
    expect(readUnsubscribeToken(token.slice(0, 20))).toBeNull();
  });
});

describe("one-click unsubscribe", () => {
  it("turns off only that kind's mail, for only that user, without a session and from another site", async () => {
    const user = await insertUser();
    const other = await insertUser();
    await db.insert(notificationPreferences).values([
      { userId: user.id, kind: "enrolled", channel: "app", enabled: true },
      { userId: user.id, kind: "assignment_graded", channel: "email", enabled: true },
      { userId: other.id, kind: "enrolled", channel: "email", enabled: true },
    ]);
    const response = await oneClick(unsubscribeToken(user.id, "enrolled"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unsubscribed: { kind: "enrolled", label: "You are enrolled in a course" } });
    expect(await preferencesOf(user.id)).toEqual([
      { kind: "assignment_graded", channel: "email", enabled: true },
      { kind: "enrolled", channel: "app", enabled: true },
      { kind: "enrolled", channel: "email", enabled: false },
    ]);
    expect(await preferencesOf(other.id)).toEqual([{ kind: "enrolled", channel: "email", enabled: true }]);
    // Again: still off, still 200.
    expect((await oneClick(unsubscribeToken(user.id, "enrolled"))).status).toBe(200);
    const [row] = await db
      .select()
      .from(notificationPreferences)
      .where(
        and(
          eq(notificationPreferences.userId, user.id),
          eq(notificationPreferences.channel, "email"),
          eq(notificationPreferences.kind, "enrolled"),
        ),
      );
    expect(row!.enabled).toBe(false);
  });

  it("answers a changed token with a 400 that says so, and changes nothing", async () => {
    const user = await insertUser();
    const response = await oneClick(tampered(unsubscribeToken(user.id, "enrolled")));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/not valid/) } });
    expect((await oneClick("not-a-token")).status).toBe(400);
    expect(await preferencesOf(user.id)).toEqual([]);
  });

  it("refuses a security kind: those mails are never turned off", async () => {
    const user = await insertUser();
    for (const kind of ["password_changed", "email_changed", "account_disabled", "role_changed"] as const) {
      const response = await oneClick(unsubscribeToken(user.id, kind));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/Security mails cannot be turned off/) } });
    }
    expect(await preferencesOf(user.id)).toEqual([]);
  });

  it("has nothing to turn off for an account that is gone", async () => {
    await expect(unsubscribeByToken(unsubscribeToken("no-such-user", "enrolled"))).resolves.toEqual({
      kind: "enrolled",
      label: "You are enrolled in a course",
    });
  });
});
