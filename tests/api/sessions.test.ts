import { describe, expect, it } from "vitest";
import { ApiClient, leakingResponses, newAccount, type Account } from "../helpers/api-client";

/**
 * Sessions per device over HTTP: every sign-in is a session of its own, listed on GET /api/profile/sessions; one can be
 * ended from any device, or all of them at once.
 */

type Session = { id: string; device: string; browser: string | null; os: string | null; ip: string | null; current: boolean };
type SessionsBody = { sessions: (Session & { signedInAt: string; lastSeenAt: string })[] };

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1";

const listOf = async (client: ApiClient) => {
  const response = await client.get("/api/profile/sessions");
  expect(response.status).toBe(200);
  return response.json<SessionsBody>().sessions;
};

/** The account signed in on one more device, with that device's User-Agent; returns the device's client. */
async function signInElsewhere(account: Account, userAgent: string): Promise<ApiClient> {
  const device = new ApiClient();
  const response = await device.request("POST", "/api/auth/signin", {
    json: { email: account.email, password: account.password },
    headers: { "user-agent": userAgent },
  });
  expect(response.status).toBe(200);
  return device;
}

const clearsCookie = (headers: Headers) => headers.getSetCookie().some((c) => /^authjs\.session-token=;/.test(c));

describe("the list of sessions", () => {
  it("lists every device the user signed in on, this one first and marked, with browser, system and address", async () => {
    const account = await newAccount("LEARNER", "devices");
    const laptop = await signInElsewhere(account, FIREFOX_WINDOWS);
    const phone = await signInElsewhere(account, SAFARI_IPHONE);

    const seenFromLaptop = await listOf(laptop);
    expect(seenFromLaptop).toHaveLength(3);
    expect(seenFromLaptop[0]).toMatchObject({
      device: "Firefox on Windows",
      browser: "Firefox",
      os: "Windows",
      ip: laptop.ip,
      current: true,
    });
    expect(seenFromLaptop.slice(1).every((s) => !s.current)).toBe(true);
    expect(seenFromLaptop).toContainEqual(expect.objectContaining({ device: "Safari on iOS", ip: phone.ip, current: false }));
    for (const session of seenFromLaptop) {
      expect(Date.parse(session.signedInAt)).not.toBeNaN();
      expect(Date.parse(session.lastSeenAt)).not.toBeNaN();
    }
    // Each device sees the same sessions, with its own marked.
    const seenFromPhone = await listOf(phone);
    expect(seenFromPhone.map((s) => s.id).sort()).toEqual(seenFromLaptop.map((s) => s.id).sort());
    expect(seenFromPhone[0]).toMatchObject({ device: "Safari on iOS", current: true });

    // Nobody else's sessions, and nothing for a visitor.
    const stranger = await newAccount("LEARNER", "devices-stranger");
    const theirs = await listOf(stranger.client);
    expect(theirs).toHaveLength(1);
    expect(seenFromLaptop.map((s) => s.id)).not.toContain(theirs[0]!.id);
    expect((await new ApiClient().get("/api/profile/sessions")).status).toBe(401);
  });
});

describe("signing out one device", () => {
  it("ends that device's session from another: it is signed out on its next request, and this one is not", async () => {
    const account = await newAccount("LEARNER", "one-device");
    const phone = await signInElsewhere(account, SAFARI_IPHONE);
    const phoneSession = (await listOf(phone)).find((s) => s.current)!;

    const ended = await account.client.request("DELETE", `/api/profile/sessions/${phoneSession.id}`);
    expect(ended.status).toBe(204);
    expect(clearsCookie(ended.headers)).toBe(false);
    expect((await phone.get("/api/profile")).status).toBe(401);
    expect((await account.client.get("/api/profile")).status).toBe(200);
    expect((await listOf(account.client)).map((s) => s.id)).not.toContain(phoneSession.id);
    // Once ended, it is not found.
    expect((await account.client.request("DELETE", `/api/profile/sessions/${phoneSession.id}`)).status).toBe(404);
  });

  it("ends this device's own session by its id, and clears the cookie", async () => {
    const account = await newAccount("LEARNER", "own-device");
    const other = await signInElsewhere(account, FIREFOX_WINDOWS);
    const mine = (await listOf(account.client)).find((s) => s.current)!;
    const copy = account.client.sessionToken!;

    const ended = await account.client.request("DELETE", `/api/profile/sessions/${mine.id}`);
    expect(ended.status).toBe(204);
    expect(clearsCookie(ended.headers)).toBe(true);
    expect(account.client.sessionToken).toBeUndefined();
    const stolen = new ApiClient();
    stolen.setCookie("authjs.session-token", copy);
    expect((await stolen.get("/api/profile")).status).toBe(401);
    expect((await other.get("/api/profile")).status).toBe(200);
  });

  it("answers 404 for another user's session and leaves it alone; a malformed id is 404 too", async () => {
    const owner = await newAccount("LEARNER", "session-owner");
    const stranger = await newAccount("LEARNER", "session-stranger");
    const ownerSession = (await listOf(owner.client))[0]!;

    const refused = await stranger.client.request("DELETE", `/api/profile/sessions/${ownerSession.id}`);
    expect(refused.status).toBe(404);
    expect((await owner.client.get("/api/profile")).status).toBe(200);
    expect((await stranger.client.get("/api/profile")).status).toBe(200);
    expect((await stranger.client.request("DELETE", "/api/profile/sessions/not-a-session")).status).toBe(404);
    expect((await new ApiClient().request("DELETE", `/api/profile/sessions/${ownerSession.id}`)).status).toBe(401);
  });

  it("refuses a cross-site request", async () => {
    const account = await newAccount("LEARNER", "session-csrf");
    const phone = await signInElsewhere(account, SAFARI_IPHONE);
    const phoneSession = (await listOf(phone)).find((s) => s.current)!;
    const foreign = { headers: { origin: "https://evil.example" } };
    expect((await account.client.request("DELETE", `/api/profile/sessions/${phoneSession.id}`, foreign)).status).toBe(403);
    expect((await account.client.request("DELETE", "/api/profile/sessions", foreign)).status).toBe(403);
    expect((await phone.get("/api/profile")).status).toBe(200);
    expect((await account.client.get("/api/profile")).status).toBe(200);
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the user, this one too, and nobody else's", async () => {
    const account = await newAccount("LEARNER", "everywhere");
    const laptop = await signInElsewhere(account, FIREFOX_WINDOWS);
    const phone = await signInElsewhere(account, SAFARI_IPHONE);
    const stranger = await newAccount("LEARNER", "everywhere-stranger");
    const copy = laptop.sessionToken!;

    const ended = await laptop.request("DELETE", "/api/profile/sessions");
    expect(ended.status).toBe(204);
    expect(clearsCookie(ended.headers)).toBe(true);
    for (const device of [laptop, phone, account.client]) expect((await device.get("/api/profile")).status).toBe(401);
    const stolen = new ApiClient();
    stolen.setCookie("authjs.session-token", copy);
    expect((await stolen.get("/api/profile")).status).toBe(401);
    expect((await stranger.client.get("/api/profile")).status).toBe(200);

    // Signing in again starts afresh: one session.
    const again = await signInElsewhere(account, FIREFOX_WINDOWS);
    expect(await listOf(again)).toHaveLength(1);
  });
});

describe("secrets in answers", () => {
  it("no answer of this file held a password hash or a token hash", () => {
    expect(leakingResponses()).toEqual([]);
  });
});

describe("the viewer a guarded page gets from the proxy", () => {
  // What the proxy hands a guarded page in this header is sealed with a key of the server's own process
  // (src/lib/auth/viewer-handoff.ts): a client that writes it, sealed or not, is not believed anywhere.
  const forged = (account: Account) => {
    const payload = Buffer.from(
      JSON.stringify({ id: account.id, email: account.email, name: null, role: "ADMIN", onboarded: true, emailVerified: true }),
    ).toString("base64url");
    return { "x-budhhub-viewer": `${payload}.${"A".repeat(43)}` };
  };

  it("is not taken from a client: a learner who sends an admin viewer is still a learner on pages and in the API", async () => {
    const learner = await newAccount("LEARNER", "forger");
    const page = await learner.client.get("/admin", { headers: forged(learner) });
    expect(page.status).toBe(307);
    expect(page.location).toMatch(/^\/dashboard\?denied=/);
    const api = await learner.client.get("/api/admin/users", { headers: forged(learner) });
    expect(api.status).toBe(403);
    expect((await learner.client.get("/dashboard", { headers: forged(learner) })).status).toBe(200);
  });

  it("does not sign in a visitor who sends one without a session cookie", async () => {
    const learner = await newAccount("LEARNER", "forger-visitor");
    const visitor = new ApiClient();
    const page = await visitor.get("/dashboard", { headers: forged(learner) });
    expect(page.status).toBe(307);
    expect(page.location).toMatch(/^\/signin/);
    expect((await visitor.get("/api/notifications?limit=0", { headers: forged(learner) })).status).toBe(401);
  });
});
