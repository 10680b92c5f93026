import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Session } from "next-auth";
import { sessionCookieName } from "./auth.config";
import type { Viewer } from "./viewer";

/**
 * The proxy (src/proxy.ts) reads the session of every guarded page through Auth.js, which reloads the user from the
 * database; it hands the viewer it found to the page in a request header, so that the page does not read the session a
 * second time (one query less per guarded page, and no second Auth.js run). The same request, so nothing is staler.
 *
 * The header is sealed with a key that never leaves this process (made at start-up, kept on globalThis because the
 * proxy and the pages are separate bundles): a client that sends the header itself, or a request that bypasses the
 * proxy (the storage routes), cannot forge a viewer; the proxy also drops any incoming copy. A header that does not
 * verify is ignored and the session is read as usual.
 */
export const VIEWER_HEADER = "x-budhhub-viewer";

const globalKey = globalThis as unknown as { __budhhubViewerKey?: Buffer };
const key = () => (globalKey.__budhhubViewerKey ??= randomBytes(32));

const mac = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

/** Whether a Cookie header holds the session cookie (Auth.js splits a large one into name.0, name.1, …). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const name = pair.slice(0, pair.indexOf("=")).trim();
    return name === sessionCookieName || name.startsWith(`${sessionCookieName}.`);
  });
}

/** The viewer of an Auth.js session (the session callback's fields), or null when it names no user. */
export function viewerOfSession(session: Session | null): Viewer | null {
  const user = session?.user;
  if (!session || !user?.id || !user.email) return null;
  return {
    id: user.id,
    name: user.name ?? null,
    email: user.email,
    role: user.role,
    onboarded: user.onboarded,
    emailVerified: user.verified,
    sessionId: session.sessionId,
  };
}

export function sealViewer(viewer: Viewer): string {
  const payload = Buffer.from(JSON.stringify(viewer)).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

/** The viewer the proxy sealed into this request, or undefined when there is none or it does not verify. */
export function openViewer(sealed: string | null): Viewer | undefined {
  if (!sealed) return undefined;
  const [payload, signature] = sealed.split(".");
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Viewer;
}
