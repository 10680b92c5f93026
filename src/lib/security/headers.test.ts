import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, staticSecurityHeaders } from "./headers";

describe("security headers", () => {
  it("allows scripts only by nonce, never eval, and no framing in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", development: false, extraOrigins: [] });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("allows a cached page's inline scripts by their hashes, without a nonce or 'unsafe-inline'", () => {
    const csp = contentSecurityPolicy({ scriptHashes: ["sha256-AAA=", "sha256-BBB="], development: false, extraOrigins: [] });
    expect(csp).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB=';");
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).not.toMatch(/nonce|unsafe-inline|strict-dynamic/);
  });

  it("adds the storage origin for media and uploads", () => {
    const csp = contentSecurityPolicy({ nonce: "n", development: false, extraOrigins: ["https://media.example.com"] });
    expect(csp).toMatch(/media-src 'self' blob: https:\/\/media\.example\.com/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/media\.example\.com/);
  });

  it("sends HSTS only in production", () => {
    const names = (production: boolean) => staticSecurityHeaders(production).map((h) => h.key);
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(false)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy"]));
  });
});
