import { describe, expect, it } from "vitest";
import { sessionCookieName } from "./auth.config";
import { hasSessionCookie, openViewer, sealViewer } from "./viewer-handoff";
import type { Viewer } from "./viewer";

const viewer: Viewer = {
  id: "5f0f5a3e-8a4e-4c4e-9d7e-1f2d3c4b5a69",
  name: "Ada",
  email: "ada@example.com",
  role: "LEARNER",
  onboarded: true,
  emailVerified: true,
  sessionId: "0b8d7f0e-2f5e-4a43-9c1b-7e6d5c4b3a21",
};

describe("the viewer the proxy hands to a guarded page", () => {
  it("opens as it was sealed", () => {
    expect(openViewer(sealViewer(viewer))).toEqual(viewer);
  });

  it("is refused when a client writes it, changes it or cuts its seal", () => {
    const sealed = sealViewer(viewer);
    const [payload, seal] = sealed.split(".") as [string, string];
    const admin = Buffer.from(JSON.stringify({ ...viewer, role: "ADMIN" })).toString("base64url");
    expect(openViewer(`${admin}.${seal}`)).toBeUndefined();
    expect(openViewer(`${payload}.${seal.slice(1)}`)).toBeUndefined();
    expect(openViewer(payload)).toBeUndefined();
    expect(openViewer(`${admin}.${"A".repeat(seal.length)}`)).toBeUndefined();
    expect(openViewer("")).toBeUndefined();
    expect(openViewer(null)).toBeUndefined();
  });
});

describe("whether a request carries a session cookie", () => {
  it("finds the cookie whole or split into chunks, among others", () => {
    expect(hasSessionCookie(`${sessionCookieName}=abc`)).toBe(true);
    expect(hasSessionCookie(`theme=dark; ${sessionCookieName}.0=abc; ${sessionCookieName}.1=def`)).toBe(true);
  });

  it("does not mistake another cookie or no cookie for one", () => {
    expect(hasSessionCookie(null)).toBe(false);
    expect(hasSessionCookie("")).toBe(false);
    expect(hasSessionCookie(`authjs.csrf-token=abc; x${sessionCookieName}=abc`)).toBe(false);
    expect(hasSessionCookie(`theme=${sessionCookieName}`)).toBe(false);
  });
});
