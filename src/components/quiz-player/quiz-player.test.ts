import { describe, expect, it } from "vitest";
import { isAnswered } from "./quiz-api";
import { formatClock } from "./quiz-countdown";

describe("formatClock", () => {
  it("shows minutes and seconds, hours when there are any, and never less than zero", () => {
    expect(formatClock(6 * 60_000)).toBe("6:00");
    expect(formatClock(59_001)).toBe("1:00");
    expect(formatClock(59_000)).toBe("0:59");
    expect(formatClock(500)).toBe("0:01");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(-5_000)).toBe("0:00");
    expect(formatClock(90 * 60_000 + 5_000)).toBe("1:30:05");
  });
});

describe("isAnswered", () => {
  it("counts a chosen option, some options, some text or a number; not nothing, no options or blanks", () => {
    expect(isAnswered({ optionId: "a" })).toBe(true);
    expect(isAnswered({ optionIds: ["a"] })).toBe(true);
    expect(isAnswered({ text: " len " })).toBe(true);
    expect(isAnswered({ value: 0 })).toBe(true);
    expect(isAnswered({ value: "3,5" })).toBe(true);
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ optionIds: [] })).toBe(false);
    expect(isAnswered({ text: "   " })).toBe(false);
    expect(isAnswered({ value: " " })).toBe(false);
  });
});
