import { describe, expect, it } from "vitest";
import { type UrlClaims, claimsFromUrl, signClaims, signedUrl, signedUrlSecret, verifyClaims } from "./signed-url";

const secret = signedUrlSecret("a-secret-of-at-least-thirty-two-characters");
const now = Date.UTC(2026, 0, 1);
const claims: UrlClaims = {
  method: "PUT",
  route: "objects",
  key: "lessons/2f1c5a8e-4b7d-4c1e-9a3b-0d6e7f8a9b0c/videos/1-abcdef012345-intro.mp4",
  expires: now / 1000 + 60,
  size: 1234,
  contentType: "video/mp4",
};

describe("signed storage URLs", () => {
  it("verify what was signed, and only until it expires", () => {
    const signature = signClaims(secret, claims);
    expect(verifyClaims(secret, claims, signature, now)).toBe("ok");
    expect(verifyClaims(secret, claims, signature, now + 60_000)).toBe("expired");
  });

  it("refuse a changed claim, a changed signature, another secret and a forged expiry", () => {
    const signature = signClaims(secret, claims);
    const changes: Partial<UrlClaims>[] = [
      { method: "GET" },
      { route: "multipart" },
      { key: claims.key.replace("intro", "other") },
      { size: 1235 },
      { contentType: "text/html" },
      { uploadId: "0".repeat(32) },
      { partNumber: 1 },
      { disposition: "inline" },
      { fileName: "x.mp4" },
      { expires: claims.expires + 3600 },
    ];
    for (const change of changes) expect(verifyClaims(secret, { ...claims, ...change }, signature, now)).toBe("invalid");
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(verifyClaims(secret, claims, flipped, now)).toBe("invalid");
    expect(verifyClaims(secret, claims, signature.slice(0, -1), now)).toBe("invalid");
    expect(verifyClaims(signedUrlSecret("another-secret-of-at-least-32-characters!"), claims, signature, now)).toBe("invalid");
    // A forged expiry on an expired URL reads as invalid, not as expired.
    expect(verifyClaims(secret, { ...claims, expires: claims.expires + 3600 }, signature, now + 120_000)).toBe("invalid");
  });

  it("keep field boundaries: moving text from one claim to the next breaks the signature", () => {
    const a = { ...claims, contentType: "video/mp4", fileName: "ab" };
    const b = { ...claims, contentType: "video/mp4a", fileName: "b" };
    expect(verifyClaims(secret, b, signClaims(secret, a), now)).toBe("invalid");
  });

  it("round-trip through a URL: what a request presents is what was signed", () => {
    const getClaims: UrlClaims = { ...claims, method: "GET", size: undefined, disposition: "attachment", fileName: "Grüße & co.pdf" };
    const url = new URL(signedUrl("https://lms.example.com", secret, getClaims));
    expect(url.origin).toBe("https://lms.example.com");
    expect(url.pathname).toBe(`/api/storage/objects/${claims.key}`);
    const presented = claimsFromUrl(url, { method: "GET", route: "objects", key: claims.key });
    expect(presented.claims).toEqual(getClaims);
    expect(verifyClaims(secret, presented.claims, presented.signature, now)).toBe("ok");
  });

  it("refuse a malformed query before any signature check", () => {
    const url = new URL(signedUrl("https://lms.example.com", secret, claims));
    url.searchParams.set("expires", "soon");
    expect(() => claimsFromUrl(url, { method: "PUT", route: "objects", key: claims.key })).toThrow();
    url.searchParams.delete("expires");
    expect(() => claimsFromUrl(url, { method: "PUT", route: "objects", key: claims.key })).toThrow();
  });
});
