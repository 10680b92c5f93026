import { describe, expect, it } from "vitest";
import { FALLBACK_SLUG, isSlugOf, SLUG_MAX_LENGTH, slugCandidates, slugify } from "./slugify";

describe("slugify", () => {
  it("lower-cases the title and joins its words with single dashes", () => {
    expect(slugify("Introduction to Python")).toBe("introduction-to-python");
    expect(slugify("  SQL for Analysts: GROUP BY & HAVING!  ")).toBe("sql-for-analysts-group-by-having");
    expect(slugify("C++ / C# -- side by side")).toBe("c-c-side-by-side");
    expect(slugify("Web 2.0, in 10 steps")).toBe("web-2-0-in-10-steps");
  });

  it("folds accents and spells out letters that have no accent to drop", () => {
    expect(slugify("Café crème à Montréal")).toBe("cafe-creme-a-montreal");
    expect(slugify("Übung macht den Meister: Straße")).toBe("ubung-macht-den-meister-strasse");
    expect(slugify("Ærø, Łódź og Þingvellir")).toBe("aero-lodz-og-thingvellir");
    expect(slugify("Ｆｕｌｌｗｉｄｔｈ ﬁles")).toBe("fullwidth-files");
  });

  it("spells Cyrillic and Greek titles in Latin letters", () => {
    expect(slugify("Введение в Python")).toBe("vvedenie-v-python");
    expect(slugify("Щётка и ёлка")).toBe("shchetka-i-elka");
    expect(slugify("Εισαγωγή στη Στατιστική")).toBe("eisagogi-sti-statistiki");
  });

  it("gives a title with no Latin letters or digits left a readable slug, not an empty one", () => {
    for (const title of ["日本語入門", "مقدمة في البرمجة", "🚀🚀", "—", "   "]) expect(slugify(title), title).toBe(FALLBACK_SLUG);
    // Digits survive any script around them.
    expect(slugify("第2課")).toBe("2");
  });

  it("keeps at most 80 characters, cut after a whole word", () => {
    const title = "A very long course title that goes on and on about everything a learner could possibly want to know";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe("a-very-long-course-title-that-goes-on-and-on-about-everything-a-learner-could");
    // One word longer than the limit is cut inside it rather than left empty.
    expect(slugify("x".repeat(200))).toBe("x".repeat(SLUG_MAX_LENGTH));
  });
});

describe("slug candidates", () => {
  it("numbers from -2 and stays within the length limit", () => {
    expect(slugCandidates("intro", 3)).toEqual(["intro", "intro-2", "intro-3"]);
    const long = slugify("word ".repeat(40));
    for (const candidate of slugCandidates(long, 12)) expect(candidate.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slugCandidates(long, 12)[11]).toMatch(/-12$/);
  });

  it("recognises a slug as one of a title's forms", () => {
    expect(isSlugOf("intro-to-sql", "intro-to-sql")).toBe(true);
    expect(isSlugOf("intro-to-sql-2", "intro-to-sql")).toBe(true);
    expect(isSlugOf("intro-to-sql-1", "intro-to-sql")).toBe(false);
    expect(isSlugOf("intro-to-sql-advanced", "intro-to-sql")).toBe(false);
    expect(isSlugOf("intro-2", "intro-to-sql")).toBe(false);
    // A title that ends in a number is not read as a numbered copy of a shorter one, however large the number.
    expect(isSlugOf("cache-probe-1796004352448", "cache-probe-1796004352448")).toBe(true);
    expect(isSlugOf("cache-probe-1796004352448", "cache-probe-1796004352448-edited")).toBe(false);
  });
});
