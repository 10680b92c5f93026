import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashNoncedScripts, isCacheablePageRequest, RENDER_HEADER, renderNonceOf } from "./public-page-cache";

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

describe("the public page cache", () => {
  it("hashes only the inline scripts that carry the render's nonce, and drops the nonce", () => {
    const ours = `(self.__next_f=self.__next_f||[]).push([0])`;
    const data = `self.__next_f.push([1,"a\\u003c/script\\u003e"])`;
    const html =
      `<html><head><script src="/_next/static/chunks/a.js" nonce="N0=" async=""></script></head><body>` +
      `<script>window.stored=1</script><p>text</p><script nonce="other">window.guessed=1</script>` +
      `<script nonce="N0=">${ours}</script><script nonce="N0=" id="_R_">${data}</script></body></html>`;
    const page = hashNoncedScripts(html, "N0=");
    expect(page.scriptHashes).toEqual([sha256(ours), sha256(data)]);
    expect(page.html).not.toContain("N0=");
    expect(page.html).toContain(`<script>window.stored=1</script>`);
    expect(page.html).toContain(`<script nonce="other">window.guessed=1</script>`);
  });

  it("answers only a visitor's plain page load of a public page", () => {
    const accept = new Headers({ accept: "text/html,*/*" });
    const load = { method: "GET", search: "", headers: accept, signedIn: false };
    for (const pathname of ["/", "/about", "/courses", "/courses/intro-to-ts"])
      expect(isCacheablePageRequest({ ...load, pathname }), pathname).toBe(true);
    for (const pathname of ["/courses/a/b", "/dashboard", "/signin", "/api/courses", "/courses/"])
      expect(isCacheablePageRequest({ ...load, pathname }), pathname).toBe(false);
    const about = { ...load, pathname: "/about" };
    expect(isCacheablePageRequest({ ...about, signedIn: true })).toBe(false);
    expect(isCacheablePageRequest({ ...about, search: "?q=x" })).toBe(false);
    expect(isCacheablePageRequest({ ...about, method: "POST" })).toBe(false);
    // Next's client router (RSC payload) does not accept text/html.
    expect(isCacheablePageRequest({ ...about, headers: new Headers({ accept: "*/*" }) })).toBe(false);
    expect(isCacheablePageRequest({ ...about, headers: new Headers({ accept: "text/html", [RENDER_HEADER]: "x.y" }) })).toBe(false);
  });

  it("takes a render nonce only with this process's render key", () => {
    expect(renderNonceOf(null)).toBeNull();
    expect(renderNonceOf("guess.bm9uY2U=")).toBeNull();
    expect(renderNonceOf("nodot")).toBeNull();
  });
});
