import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { baseUrl, testDataDir } from "./base-url";
import { linkIn, readMail, type MailText } from "./mail-text";

/**
 * A small HTTP client for the black-box API tests: a cookie jar, its own client address (X-Forwarded-For, which the
 * rate limits key on, so tests do not use up each other's limits), and helpers for the account flows.
 */

export const DEMO_PASSWORD = "budhhub-demo";
export const DEMO_ADMIN = "admin@budhhub.test";

const run = randomBytes(2);
let ipCounter = 0;
/** A client address no other client of this test run uses. */
export function uniqueIp(): string {
  ipCounter += 1;
  return `10.${run[0]}.${(run[1]! + Math.floor(ipCounter / 250)) % 256}.${(ipCounter % 250) + 1}`;
}

let emailCounter = 0;
export function uniqueEmail(prefix = "user"): string {
  emailCounter += 1;
  return `${prefix}-${emailCounter}-${randomBytes(4).toString("hex")}@example.test`;
}

export const strongPassword = () => `tide-${randomBytes(6).toString("hex")}-lantern`;

export type ApiResponse = {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (throws when it is not). */
  json: <T = Record<string, unknown>>() => T;
  /** The Location header as a path with query, for redirects. */
  location: string | null;
};

/** Every response body any client of this process has read, for checks that span a whole file. */
export const responseBodies: string[] = [];

type RequestOptions = {
  json?: unknown;
  /** A raw body (sent with the given content type, or none). */
  body?: string;
  headers?: Record<string, string>;
  /** Send the jar's cookies but do not store what the response sets (the permission matrix keeps its actors fixed). */
  keepJar?: boolean;
};

export class ApiClient {
  readonly ip: string;
  private readonly jar = new Map<string, string>();

  constructor(
    readonly base = baseUrl(),
    ip = uniqueIp(),
  ) {
    this.ip = ip;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  setCookie(name: string, value: string) {
    this.jar.set(name, value);
  }

  get sessionToken(): string | undefined {
    return this.jar.get("authjs.session-token");
  }

  private storeCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.split("=");
        if (key.toLowerCase() === "max-age") return Number(v) <= 0;
        if (key.toLowerCase() === "expires") return new Date(a.slice(8)).getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(method: string, pathOrUrl: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { "x-forwarded-for": this.ip, ...options.headers };
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] ??= "application/json";
    }
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.base}${pathOrUrl}`;
    const response = await fetch(url, { method, headers, body, redirect: "manual" });
    if (!options.keepJar) this.storeCookies(response.headers);
    const text = await response.text();
    responseBodies.push(text);
    const location = response.headers.get("location");
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
      location:
        location === null
          ? null
          : (() => {
              const target = new URL(location, this.base);
              return target.pathname + target.search;
            })(),
    };
  }

  get = (path: string, options?: RequestOptions) => this.request("GET", path, options);
  post = (path: string, json?: unknown, options?: RequestOptions) => this.request("POST", path, { json, ...options });
  patch = (path: string, json?: unknown, options?: RequestOptions) => this.request("PATCH", path, { json, ...options });
  put = (path: string, json?: unknown, options?: RequestOptions) => this.request("PUT", path, { json, ...options });

  /** GETs a URL and follows redirects by hand, keeping cookies at every hop; returns every hop's response. */
  async follow(url: string, maxHops = 5): Promise<ApiResponse[]> {
    const hops: ApiResponse[] = [];
    let next: string | null = url;
    while (next && hops.length < maxHops) {
      const response = await this.get(next);
      hops.push(response);
      next = response.status >= 300 && response.status < 400 ? response.location : null;
    }
    return hops;
  }

  signUp(input: { name?: string; email: string; password: string; callbackUrl?: string }) {
    return this.post("/api/auth/signup", { name: input.name ?? "Test Person", ...input });
  }

  /**
   * Signs up, then confirms the address with the link from the outbox as the user would, which signs this client in.
   * Returns the confirmation's answer ({ user, next }).
   */
  async signUpAndVerify(input: { name?: string; email: string; password: string }): Promise<ApiResponse> {
    const seen = outboxCount(input.email);
    const signUp = await this.signUp(input);
    if (signUp.status !== 202) throw new Error(`sign-up of ${input.email} answered ${signUp.status}: ${signUp.text}`);
    const verified = await this.verifyFromMail(input.email, seen);
    if (verified.status !== 200) throw new Error(`verification of ${input.email} answered ${verified.status}: ${verified.text}`);
    return verified;
  }

  /** Opens the verification link of the outbox mail number `seen + 1` to this address: POST its token. */
  async verifyFromMail(email: string, seen = 0): Promise<ApiResponse> {
    const link = new URL(linkIn(await waitForOutboxMail(email, { seen }), "/verify-email"));
    return this.post("/api/auth/verify-email", {
      token: link.searchParams.get("token"),
      callbackUrl: link.searchParams.get("callbackUrl") ?? undefined,
    });
  }

  signIn(email: string, password: string) {
    return this.post("/api/auth/signin", { email, password });
  }

  onboard(role: "LEARNER" | "INSTRUCTOR", name = "Test Person") {
    return this.post("/api/onboarding", { name, role });
  }

  /** Signs out through Auth.js: its CSRF token from /api/auth/csrf, then the sign-out form post. */
  async signOut(): Promise<ApiResponse> {
    const { csrfToken } = (await this.get("/api/auth/csrf")).json<{ csrfToken: string }>();
    return this.request("POST", "/api/auth/signout", {
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }
}

export type Account = { client: ApiClient; id: string; email: string; password: string; name: string };

/**
 * A new account over HTTP, as a person makes one: signed up, address confirmed from the outbox mail (or, with
 * `verified: false`, signed in with the password only), and onboarded with the role given (or not onboarded). An
 * instructor asks to teach at onboarding and the demo admin approves the request.
 */
export async function newAccount(
  role: "LEARNER" | "INSTRUCTOR" | null,
  prefix = "user",
  { verified = true }: { verified?: boolean } = {},
): Promise<Account> {
  const client = new ApiClient();
  const email = uniqueEmail(prefix);
  const password = strongPassword();
  const name = `${prefix} ${email.split("@")[0]!.split("-").slice(1).join("-")}`;
  let signedIn: ApiResponse;
  if (verified) {
    signedIn = await client.signUpAndVerify({ name, email, password });
  } else {
    const signUp = await client.signUp({ name, email, password });
    if (signUp.status !== 202) throw new Error(`sign-up of ${email} answered ${signUp.status}: ${signUp.text}`);
    signedIn = await client.signIn(email, password);
    if (signedIn.status !== 200) throw new Error(`sign-in of ${email} answered ${signedIn.status}: ${signedIn.text}`);
  }
  const id = signedIn.json<{ user: { id: string } }>().user.id;
  if (role) {
    const onboarded = await client.onboard(role, name);
    if (onboarded.status !== 200) throw new Error(`onboarding of ${email} answered ${onboarded.status}: ${onboarded.text}`);
    if (role === "INSTRUCTOR") await approveTeaching(onboarded.json<{ instructorRequest: { id: string } }>().instructorRequest.id);
  }
  return { client, id, email, password, name };
}

/** The demo admin approves a request to teach (INSTRUCTOR_SIGNUP=request, the default). */
export async function approveTeaching(requestId: string): Promise<void> {
  const response = await (await demoAdmin()).patch(`/api/admin/instructor-requests/${requestId}`, { decision: "approve" });
  if (response.status !== 200) throw new Error(`approving request ${requestId} answered ${response.status}: ${response.text}`);
}

const adminOf = new Map<string, Promise<ApiClient>>();

/**
 * The demo admin, signed in. One sign-in per server for the whole run, its session shared by every test file through
 * a file in the run's data folder: sign-in allows 10 a minute per address, which the files starting side by side would
 * otherwise use up between them (429s in their beforeAll).
 */
export function demoAdmin(base = baseUrl()): Promise<ApiClient> {
  if (!adminOf.has(base)) {
    const signingIn = sharedAdminSession(base);
    adminOf.set(base, signingIn);
    signingIn.catch(() => adminOf.delete(base));
  }
  return adminOf.get(base)!;
}

async function sharedAdminSession(base: string): Promise<ApiClient> {
  const dir = process.env.TEST_DATA_DIR ?? os.tmpdir();
  const file = path.join(dir, `demo-admin-session-${createHash("sha256").update(base).digest("hex").slice(0, 12)}.json`);
  const lock = `${file}.lock`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (fs.existsSync(file)) {
      const client = new ApiClient(base);
      client.setCookie("authjs.session-token", (JSON.parse(fs.readFileSync(file, "utf8")) as { token: string }).token);
      return client;
    }
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    } catch {
      // Another file is signing in: wait for its session.
      if (Date.now() > deadline) throw new Error(`no demo admin session appeared in ${file}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      const client = new ApiClient(base);
      const response = await client.signIn(DEMO_ADMIN, DEMO_PASSWORD);
      if (response.status !== 200) throw new Error(`demo admin sign-in answered ${response.status}: ${response.text}`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ token: client.sessionToken }));
      fs.renameSync(`${file}.tmp`, file);
      return client;
    } finally {
      fs.rmSync(lock, { force: true });
    }
  }
}

/** The outbox of the app under test (tests/run-with-server.ts gives it TEST_DATA_DIR). */
export const outboxDir = (dataDir = testDataDir()) => path.join(dataDir, "mail");

function outboxFilesTo(dir: string, to: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const suffix = `-${to.replace(/[^a-z0-9@._-]/gi, "_")}.eml`;
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

/** Waits for the next outbox mail to this address (mails go out after the response), skipping `seen` of them. */
export async function waitForOutboxMail(to: string, { seen = 0, dir = outboxDir(), timeoutMs = 15_000 } = {}): Promise<MailText> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = outboxFilesTo(dir, to);
    if (files.length > seen) return readMail(fs.readFileSync(path.join(dir, files[seen]!), "utf8"));
    if (Date.now() > deadline) throw new Error(`No mail number ${seen + 1} to ${to} in ${dir} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function outboxCount(to: string, dir = outboxDir()): number {
  return outboxFilesTo(dir, to).length;
}

/** Response bodies of this file that contain a password hash, a token hash, or one of the given secrets' SHA-256. */
export function leakingResponses(sha256Of: string[] = []): string[] {
  const hashes = sha256Of.map((secret) => createHash("sha256").update(secret).digest("hex"));
  return responseBodies.filter(
    (body) => /passwordHash|password_hash|tokenHash|token_hash|\$2[aby]\$\d\d\$/.test(body) || hashes.some((h) => body.includes(h)),
  );
}

const ensured = new Map<string, Promise<void>>();

/** A category courses can be filed under (categories are managed by admins): the demo admin adds it unless it exists (once a file). */
export function ensureCategory(name: string, base = baseUrl()): Promise<void> {
  const key = `${base} ${name}`;
  if (!ensured.has(key)) {
    const adding = (async () => {
      const added = await (await demoAdmin(base)).post("/api/admin/categories", { name });
      if (added.status !== 201 && added.status !== 409) {
        throw new Error(`adding the category ${name} answered ${added.status}: ${added.text}`);
      }
    })();
    ensured.set(key, adding);
    adding.catch(() => ensured.delete(key));
  }
  return ensured.get(key)!;
}
