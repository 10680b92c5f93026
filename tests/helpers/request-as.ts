import { AsyncLocalStorage } from "node:async_hooks";
import { sessionCookie } from "@/lib/auth/session-cookie";
import type { SignedInAccount } from "@/lib/users/session-user";
import { startUserSession } from "@/lib/users/user-sessions";

/**
 * Lib functions read the acting user through Auth.js's `auth()`, which reads `next/headers`. Outside Next.js a test
 * stands in for the request: `vi.mock("next/headers", ...)` with `nextHeadersMock`, then run code `asUser(user, fn)`.
 * The headers carry a real session cookie naming a real session row (a sign-in of its own), so `auth()` runs the app's
 * own jwt callback against the database. Each call keeps its own headers (AsyncLocalStorage, as Next.js does), so
 * concurrent requests by different users work.
 */

const requestHeaders = new AsyncLocalStorage<Headers>();

const current = () => requestHeaders.getStore() ?? new Headers({ host: "localhost:3000" });

export const nextHeadersMock = {
  headers: async () => current(),
  cookies: async () => {
    throw new Error("cookies() is not available in lib tests");
  },
};

/** A session cookie for the user: of the session given, or of a new one, as a sign-in on another device starts. */
export async function cookieHeaderFor(user: SignedInAccount, sessionId?: string): Promise<string> {
  const cookie = await sessionCookie(user, sessionId ?? (await startUserSession(user.id, { userAgent: "vitest", ip: null })));
  return `${cookie.name}=${cookie.value}`;
}

/** Runs fn as a request carrying a session cookie made for this user as they are now. */
export async function asUser<T>(user: SignedInAccount, fn: () => Promise<T>): Promise<T> {
  const headers = new Headers({ host: "localhost:3000", cookie: await cookieHeaderFor(user) });
  return requestHeaders.run(headers, fn);
}

/** Runs fn as a request carrying this Cookie header as it is. */
export function asCookie<T>(cookie: string, fn: () => Promise<T>): Promise<T> {
  return requestHeaders.run(new Headers({ host: "localhost:3000", cookie }), fn);
}

/** Runs fn as a request without a session. */
export function asAnonymous<T>(fn: () => Promise<T>): Promise<T> {
  return requestHeaders.run(new Headers({ host: "localhost:3000" }), fn);
}
