import { describe, expect, it } from "vitest";
import { type GradableQuestion, gradeAnswer, gradeAttempt, normalizeText, parseNumber } from "./grade";

const base = { points: 2, options: [], partialCredit: false, acceptedAnswers: [], numericAnswer: null, tolerance: 0 };
const single: GradableQuestion = {
  ...base,
  id: "q-single",
  type: "single",
  options: [
    { id: "a", text: "A", correct: false },
    { id: "b", text: "B", correct: true },
  ],
};
const trueFalse: GradableQuestion = {
  ...base,
  id: "q-tf",
  type: "true_false",
  options: [
    { id: "true", text: "True", correct: false },
    { id: "false", text: "False", correct: true },
  ],
};
const multiple: GradableQuestion = {
  ...base,
  id: "q-multi",
  type: "multiple",
  points: 4,
  options: [
    { id: "a", text: "A", correct: true },
    { id: "b", text: "B", correct: true },
    { id: "c", text: "C", correct: false },
    { id: "d", text: "D", correct: false },
  ],
};
const shortText: GradableQuestion = { ...base, id: "q-text", type: "short_text", acceptedAnswers: ["Ada Lovelace", "Lovelace"] };
const numeric: GradableQuestion = { ...base, id: "q-num", type: "numeric", numericAnswer: 3.5, tolerance: 0.1 };

describe("grading one answer", () => {
  it("single choice and true/false: the correct option scores the points, any other nothing", () => {
    expect(gradeAnswer(single, { optionId: "b" })).toEqual({ questionId: "q-single", correct: true, points: 2 });
    expect(gradeAnswer(single, { optionId: "a" })).toEqual({ questionId: "q-single", correct: false, points: 0 });
    expect(gradeAnswer(trueFalse, { optionId: "false" }).correct).toBe(true);
    expect(gradeAnswer(trueFalse, { optionId: "true" }).correct).toBe(false);
  });

  it("an empty answer, an unknown option id, another question's option or the wrong shape scores nothing", () => {
    for (const answer of [undefined, null, {}, { optionId: "" }, { optionId: "zzz" }, { optionIds: ["b"] }, { text: "b" }, "b", ["b"]])
      expect(gradeAnswer(single, answer).points, JSON.stringify(answer)).toBe(0);
    // "true" is an option of the true/false question, not of the single-choice one.
    expect(gradeAnswer(single, { optionId: "true" }).correct).toBe(false);
    expect(gradeAnswer(multiple, { optionIds: "a" }).points).toBe(0);
    expect(gradeAnswer(multiple, { optionIds: [] }).points).toBe(0);
    expect(gradeAnswer(shortText, { text: "   " }).points).toBe(0);
    expect(gradeAnswer(numeric, { value: "" }).points).toBe(0);
    expect(gradeAnswer(numeric, { value: null }).points).toBe(0);
  });

  it("multiple choice is all or nothing by default", () => {
    expect(gradeAnswer(multiple, { optionIds: ["b", "a"] })).toEqual({ questionId: "q-multi", correct: true, points: 4 });
    expect(gradeAnswer(multiple, { optionIds: ["a"] }).points).toBe(0);
    expect(gradeAnswer(multiple, { optionIds: ["a", "b", "c"] }).points).toBe(0);
    // A repeated id is one choice.
    expect(gradeAnswer(multiple, { optionIds: ["a", "a", "b"] }).correct).toBe(true);
  });

  it("multiple choice with partial credit: each right choice earns its share, each wrong one takes a share back, never below 0", () => {
    const partial = { ...multiple, partialCredit: true };
    expect(gradeAnswer(partial, { optionIds: ["a", "b"] })).toEqual({ questionId: "q-multi", correct: true, points: 4 });
    expect(gradeAnswer(partial, { optionIds: ["a"] })).toEqual({ questionId: "q-multi", correct: false, points: 2 });
    expect(gradeAnswer(partial, { optionIds: ["a", "b", "c"] }).points).toBe(2);
    expect(gradeAnswer(partial, { optionIds: ["a", "c"] }).points).toBe(0);
    expect(gradeAnswer(partial, { optionIds: ["c", "d"] }).points).toBe(0);
    // An option of another question, or a made-up one, counts as a wrong choice.
    expect(gradeAnswer(partial, { optionIds: ["a", "true"] }).points).toBe(0);
    const thirds = { ...partial, points: 1, options: [...partial.options, { id: "e", text: "E", correct: true }] };
    expect(gradeAnswer(thirds, { optionIds: ["a"] }).points).toBe(0.33);
  });

  it("short text: trimmed, spaces collapsed, case folded and Unicode normalised", () => {
    for (const text of ["Ada Lovelace", "  ada   lovelace ", "LOVELACE", "ＡＤＡ　ＬＯＶＥＬＡＣＥ", "ada\tlovelace"])
      expect(gradeAnswer(shortText, { text }).correct, text).toBe(true);
    expect(gradeAnswer({ ...shortText, acceptedAnswers: ["café"] }, { text: "cafe\u0301" }).correct).toBe(true);
    expect(gradeAnswer({ ...shortText, acceptedAnswers: ["Straße"] }, { text: "STRASSE" }).correct).toBe(true);
    expect(gradeAnswer(shortText, { text: "Ada" }).correct).toBe(false);
  });

  it("numeric: within the tolerance, from a number or from text with spaces or a decimal comma", () => {
    for (const value of [3.5, 3.6, 3.4, "3.5", " 3,5 ", "3,45", "+3.5", "35e-1"])
      expect(gradeAnswer(numeric, { value }).correct, String(value)).toBe(true);
    for (const value of [3.61, "3.7", "three", "3.5.1", "3,5,0", "0x3", "Infinity", "NaN", true])
      expect(gradeAnswer(numeric, { value }).correct, String(value)).toBe(false);
    const exact: GradableQuestion = { ...numeric, numericAnswer: 0.3, tolerance: 0 };
    expect(gradeAnswer(exact, { value: 0.1 + 0.2 }).correct).toBe(true);
  });
});

describe("reading a typed number", () => {
  it("drops spaces, reads a lone comma as a decimal comma and grouped commas as thousands", () => {
    expect(parseNumber(" 42 ")).toBe(42);
    expect(parseNumber("1 000")).toBe(1000);
    expect(parseNumber("1\u202f000,5")).toBe(1000.5);
    expect(parseNumber("3,5")).toBe(3.5);
    expect(parseNumber("1,000.25")).toBe(1000.25);
    expect(parseNumber("1,000,000")).toBe(1000000);
    expect(parseNumber("−2")).toBe(-2);
    expect(parseNumber(".5")).toBe(0.5);
    for (const bad of ["", " ", ",", "1,00,0", "1.000,5", "12abc", "1e999", null, undefined, {}, Number.NaN])
      expect(parseNumber(bad), String(bad)).toBeNull();
  });
});

describe("normalising a short answer", () => {
  it("folds width, case, composition and spacing", () => {
    expect(normalizeText("  Ｈｅｌｌｏ\u00a0 World ")).toBe("hello world");
    expect(normalizeText("e\u0301")).toBe("é");
  });
});

describe("grading an attempt", () => {
  const questions = [single, trueFalse, multiple, shortText, numeric];
  it("adds the points of every question, an unanswered one scoring 0, and passes at the passing score", () => {
    const answers = new Map<string, unknown>([
      ["q-single", { optionId: "b" }],
      ["q-tf", { optionId: "false" }],
      ["q-multi", { optionIds: ["a"] }],
      ["q-text", { text: "lovelace" }],
    ]);
    const graded = gradeAttempt(questions, answers, 50);
    expect(graded.pointsPossible).toBe(12);
    expect(graded.pointsEarned).toBe(6);
    expect(graded.score).toBe(50);
    expect(graded.passed).toBe(true);
    expect(graded.answers.map((a) => [a.questionId, a.correct])).toEqual([
      ["q-single", true],
      ["q-tf", true],
      ["q-multi", false],
      ["q-text", true],
      ["q-num", false],
    ]);
    expect(gradeAttempt(questions, answers, 51).passed).toBe(false);
  });

  it("rounds the percent to two decimals and fails a quiz with no points", () => {
    const three = [single, { ...trueFalse, points: 2 }, { ...numeric, points: 2 }];
    expect(gradeAttempt(three, new Map([["q-single", { optionId: "b" }]]), 0).score).toBe(33.33);
    expect(gradeAttempt([], new Map(), 0)).toEqual({ score: 0, pointsEarned: 0, pointsPossible: 0, passed: false, answers: [] });
  });
});
