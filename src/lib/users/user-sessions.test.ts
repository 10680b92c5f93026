import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth.config";
import { db } from "@/lib/db/client";
import { userSessions } from "@/lib/db/schema";
import { loadSignedInSession } from "./session-user";
import {
  describeUserAgent,
  endAllSessionsOf,
  endSessionOf,
  endUserSession,
  LAST_SEEN_INTERVAL_MS,
  listUserSessions,
  startUserSession,
  touchUserSession,
} from "./user-sessions";

withTestDatabase();

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";
const laptop = { userAgent: FIREFOX_WINDOWS, ip: "203.0.113.7" };
const phone = { userAgent: SAFARI_IPHONE, ip: "198.51.100.20" };

const t0 = new Date("2030-01-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const rowOf = async (id: string) => (await db.select().from(userSessions).where(eq(userSessions.id, id)))[0];
const idsOf = async (userId: string) =>
  (await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, userId))).map((r) => r.id).sort();

describe("starting a session", () => {
  it("records the device (User-Agent cut to 512 characters, the address) and when it signed in", async () => {
    const user = await insertUser();
    const id = await startUserSession(user.id, { userAgent: `${FIREFOX_WINDOWS} ${"x".repeat(600)}`, ip: "203.0.113.7" }, db, t0);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const row = await rowOf(id);
    expect(row).toMatchObject({ userId: user.id, ip: "203.0.113.7", createdAt: t0, lastSeenAt: t0 });
    expect(row!.userAgent).toHaveLength(512);
    expect(row!.userAgent!.startsWith(FIREFOX_WINDOWS)).toBe(true);
    // Each sign-in is a session of its own.
    expect(await startUserSession(user.id, { userAgent: null, ip: null }, db, t0)).not.toBe(id);
  });

  it("removes the user's sessions that cannot be alive any more (unseen for longer than a cookie lives)", async () => {
    const user = await insertUser();
    const other = await insertUser();
    const old = await startUserSession(user.id, laptop, db, t0);
    const recent = await startUserSession(user.id, phone, db, at(20 * DAY));
    const othersOld = await startUserSession(other.id, laptop, db, t0);
    const later = at(SESSION_MAX_AGE_SECONDS * 1000 + LAST_SEEN_INTERVAL_MS + MINUTE);
    const fresh = await startUserSession(user.id, laptop, db, later);
    expect(await idsOf(user.id)).toEqual([recent, fresh].sort());
    expect(await rowOf(old)).toBeUndefined();
    // Another user's are theirs to clear when they next sign in.
    expect(await idsOf(other.id)).toEqual([othersOld]);
  });
});

describe("checking a session (every request)", () => {
  it("finds the user and the session's last sighting in one go, and nothing for a session that is gone or not theirs", async () => {
    const user = await insertUser({ role: "INSTRUCTOR" });
    const other = await insertUser();
    const id = await startUserSession(user.id, laptop, db, t0);
    const theirs = await startUserSession(other.id, laptop, db, t0);

    expect(await loadSignedInSession(user.id, id)).toEqual({
      account: { ...user, sessionId: id },
      lastSeenAt: t0,
      sessionId: id,
    });
    // A cookie of one user cannot ride on another user's session.
    expect(await loadSignedInSession(user.id, theirs)).toBeNull();
    // A token made before sessions had ids, or with something else in the claim.
    expect(await loadSignedInSession(user.id, undefined)).toBeNull();
    expect(await loadSignedInSession(user.id, "not-a-uuid")).toBeNull();
    expect(await loadSignedInSession("no-such-user", id)).toBeNull();

    await endUserSession(user.id, id);
    expect(await loadSignedInSession(user.id, id)).toBeNull();
    expect(await loadSignedInSession(other.id, theirs)).not.toBeNull();
  });

  it("reports a disabled user as such (the session callback refuses them)", async () => {
    const user = await insertUser({ disabled: true });
    const id = await startUserSession(user.id, laptop);
    expect((await loadSignedInSession(user.id, id))?.account.disabled).toBe(true);
  });
});

describe("last seen", () => {
  it("moves on at most once per interval", async () => {
    const user = await insertUser();
    const id = await startUserSession(user.id, laptop, db, t0);

    await touchUserSession(id, t0, at(LAST_SEEN_INTERVAL_MS - 1000));
    expect((await rowOf(id))!.lastSeenAt).toEqual(t0);

    await touchUserSession(id, t0, at(LAST_SEEN_INTERVAL_MS + 1000));
    expect((await rowOf(id))!.lastSeenAt).toEqual(at(LAST_SEEN_INTERVAL_MS + 1000));

    // A request that read the old time concurrently does not write again within the interval.
    await touchUserSession(id, t0, at(LAST_SEEN_INTERVAL_MS + 2000));
    expect((await rowOf(id))!.lastSeenAt).toEqual(at(LAST_SEEN_INTERVAL_MS + 1000));
  });
});

describe("the profile's list", () => {
  it("lists the viewer's live sessions, this one first and marked, with browser and system read from the User-Agent", async () => {
    const user = await insertUser();
    const stranger = await insertUser();
    const now = new Date();
    const here = await startUserSession(user.id, laptop, db, new Date(now.getTime() - 2 * DAY));
    const there = await startUserSession(user.id, phone, db, new Date(now.getTime() - MINUTE));
    const unknown = await startUserSession(user.id, { userAgent: null, ip: null }, db, new Date(now.getTime() - 3 * DAY));
    await startUserSession(user.id, laptop, db, new Date(now.getTime() - 40 * DAY));
    await startUserSession(stranger.id, laptop, db, now);

    const sessions = await listUserSessions({ ...user, sessionId: here }, now);
    expect(sessions).toEqual([
      {
        id: here,
        device: "Firefox on Windows",
        browser: "Firefox",
        os: "Windows",
        ip: "203.0.113.7",
        signedInAt: new Date(now.getTime() - 2 * DAY),
        lastSeenAt: new Date(now.getTime() - 2 * DAY),
        current: true,
      },
      expect.objectContaining({ id: there, device: "Safari on iOS", ip: "198.51.100.20", current: false }),
      expect.objectContaining({ id: unknown, device: "Unknown browser", browser: null, os: null, ip: null, current: false }),
    ]);
    // Without a session of its own (a script), none is current.
    expect((await listUserSessions(user, now)).some((s) => s.current)).toBe(false);
    await expect(listUserSessions(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("names devices as far as the User-Agent tells", () => {
    expect(describeUserAgent("curl/8.5.0")).toEqual({ device: "Unknown browser", browser: null, os: null });
    expect(describeUserAgent("   ").device).toBe("Unknown browser");
    expect(
      describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
    ).toEqual({
      device: "Chrome on Linux",
      browser: "Chrome",
      os: "Linux",
    });
  });
});

describe("ending sessions", () => {
  it("signing out ends this device's session only; the token's session id must be the user's own", async () => {
    const user = await insertUser();
    const stranger = await insertUser();
    const here = await startUserSession(user.id, laptop);
    const there = await startUserSession(user.id, phone);
    const theirs = await startUserSession(stranger.id, phone);

    await endUserSession(user.id, here);
    expect(await idsOf(user.id)).toEqual([there]);
    await endUserSession(user.id, theirs);
    await endUserSession(user.id, undefined);
    await endUserSession(user.id, "not-a-uuid");
    expect(await idsOf(stranger.id)).toEqual([theirs]);
    expect(await idsOf(user.id)).toEqual([there]);
  });

  it("'Sign out' on a row ends one of the viewer's own sessions, says whether it was this one, and is 404 for anyone else's", async () => {
    const user = await insertUser();
    const stranger = await insertUser();
    const here = await startUserSession(user.id, laptop);
    const there = await startUserSession(user.id, phone);
    const theirs = await startUserSession(stranger.id, phone);
    const viewer = { ...user, sessionId: here };

    expect(await endSessionOf(viewer, there)).toEqual({ current: false });
    await expect(endSessionOf(viewer, there)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endSessionOf(viewer, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endSessionOf(viewer, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endSessionOf(null, theirs)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await idsOf(stranger.id)).toEqual([theirs]);

    expect(await endSessionOf(viewer, here)).toEqual({ current: true });
    expect(await idsOf(user.id)).toEqual([]);
  });

  it("'Sign out everywhere' ends every session of the viewer and nobody else's", async () => {
    const user = await insertUser();
    const stranger = await insertUser();
    const here = await startUserSession(user.id, laptop);
    await startUserSession(user.id, phone);
    const theirs = await startUserSession(stranger.id, phone);

    await endAllSessionsOf({ ...user, sessionId: here });
    expect(await idsOf(user.id)).toEqual([]);
    expect(await idsOf(stranger.id)).toEqual([theirs]);
    await expect(endAllSessionsOf(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
