import { describe, expect, it } from "vitest";
import { toReturnPath } from "./return-path";

const APP = "https://learn.example.org";

/** Every form the outside test used, and the classic ones: each must stay on the site. */
const hostile = [
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r/evil.test",
  "/\u000b/evil.test",
  "\t//evil.test",
  "//evil.test",
  "///evil.test",
  "/\\evil.test",
  "/\\/evil.test",
  "\\\\evil.test",
  "\\/evil.test",
  "/.//evil.test",
  "/a/..//evil.test",
  "/..//evil.test",
  "https://evil.test/",
  "http:evil.test",
  "https:/evil.test",
  "javascript:alert(1)",
  " javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "//evil。test",
  "/\u3002/evil.test",
  "//evil\u3002test",
  "https://learn.example.org.evil.test/",
  "https://learn.example.org@evil.test/",
];

describe("toReturnPath", () => {
  it.each(hostile)("keeps %j on the site", (value) => {
    const path = toReturnPath(value, APP);
    if (path === null) return;
    // Whatever comes back, a browser resolving it against the site stays on the site, and it can go in a header.
    expect(new URL(path, APP).origin).toBe(APP);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(path).toMatch(/^[\x21-\x7e]*$/);
  });

  it("refuses other origins and other schemes outright", () => {
    for (const value of ["//evil.test", "/\t/evil.test", "/\\evil.test", "https://evil.test/", "javascript:alert(1)", "/.//evil.test"]) {
      expect(toReturnPath(value, APP)).toBeNull();
    }
  });

  it("keeps paths, queries and fragments of the site, in the parser's own spelling", () => {
    expect(toReturnPath("/courses/abc?tab=lessons#intro", APP)).toBe("/courses/abc?tab=lessons#intro");
    expect(toReturnPath("/courses?q=python basics", APP)).toBe("/courses?q=python%20basics");
    expect(toReturnPath("/%2F%2Fevil.test", APP)).toBe("/%2F%2Fevil.test");
    expect(toReturnPath("/\u3002/evil.test", APP)).toBe("/%E3%80%82/evil.test");
    expect(toReturnPath(`${APP}/my-courses`, APP)).toBe("/my-courses");
    expect(toReturnPath("my-courses", APP)).toBe("/my-courses");
  });

  it("answers null for nothing, non-strings and absurd lengths", () => {
    expect(toReturnPath(undefined, APP)).toBeNull();
    expect(toReturnPath("", APP)).toBeNull();
    expect(toReturnPath(["/a"], APP)).toBeNull();
    expect(toReturnPath(`/${"a".repeat(3000)}`, APP)).toBeNull();
  });
});
