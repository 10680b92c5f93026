import { describe, expect, it } from "vitest";
import { commonWrongOption, commonWrongText, percentOf, promptExcerpt, scoreBands } from "./results-figures";

describe("results figures", () => {
  it("names ten bands, the last one holding 100", () => {
    const bands = scoreBands(new Map([[9, 2]]));
    expect(bands).toHaveLength(10);
    expect(bands[0]).toEqual({ label: "0–9 %", from: 0, count: 0 });
    expect(bands[9]).toEqual({ label: "90–100 %", from: 90, count: 2 });
  });

  it("finds the wrong option chosen most, leaving out right options and ids the question no longer has", () => {
    const options = [
      { id: "a", text: "A", correct: true },
      { id: "b", text: "B", correct: false },
      { id: "c", text: "C", correct: false },
    ];
    expect(
      commonWrongOption(
        options,
        new Map([
          ["a", 9],
          ["c", 2],
          ["gone", 5],
        ]),
      ),
    ).toEqual({ answers: ["C"], count: 2 });
    expect(
      commonWrongOption(
        options,
        new Map([
          ["b", 2],
          ["c", 2],
        ]),
      ),
    ).toEqual({ answers: ["B", "C"], count: 2 });
    expect(commonWrongOption(options, new Map([["a", 3]]))).toBeNull();
  });

  it("groups typed answers as grading compares them; numbers by value, other text by its normal form; blanks left out", () => {
    expect(
      commonWrongText("short_text", [
        { value: "Straße", count: 1 },
        { value: " STRASSE ", count: 1 },
        { value: "x", count: 1 },
      ]),
    ).toEqual({
      answers: ["strasse"],
      count: 2,
    });
    expect(
      commonWrongText("numeric", [
        { value: "1 000", count: 1 },
        { value: "1000", count: 1 },
        { value: "Ten", count: 1 },
        { value: " ten", count: 1 },
        { value: "  ", count: 5 },
      ]),
    ).toEqual({ answers: ["1000", "ten"], count: 2 });
    expect(commonWrongText("numeric", [])).toBeNull();
  });

  it("shortens a markdown prompt to one line of text", () => {
    expect(promptExcerpt("## What does `print` do?\n\n- **prints** [text](https://x.test)")).toBe("What does print do? prints text");
    expect(promptExcerpt("x".repeat(300))).toHaveLength(140);
  });

  it("gives percentages with one decimal, null of nothing", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBeNull();
  });
});
