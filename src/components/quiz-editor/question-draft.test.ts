import { describe, expect, it } from "vitest";
import { bodyOf, bodyOfQuestion, checkDraft, draftOf, excerpt, lacksCorrectOption, type EditorQuestion } from "./question-draft";

describe("the question form's draft", () => {
  it("starts a new question of the type picked, with two options (the first right) and 1 point", () => {
    const draft = draftOf(null, "multiple");
    expect(draft).toMatchObject({ type: "multiple", prompt: "", points: "1", partialCredit: false, correct: true, tolerance: "0" });
    expect(draft.options.map(({ text, correct }) => ({ text, correct }))).toEqual([
      { text: "", correct: true },
      { text: "", correct: false },
    ]);
  });

  it("keeps every type's fields, so that switching the type back finds what was written", () => {
    const draft = { ...draftOf(null, "short_text"), prompt: "Name it", answer: "4" };
    draft.acceptedAnswers[0]!.text = "len";
    expect(bodyOf({ ...draft, type: "numeric" })).toMatchObject({ type: "numeric", answer: 4, tolerance: 0 });
    expect(bodyOf(draft)).toEqual({ type: "short_text", prompt: "Name it", points: 1, explanation: "", acceptedAnswers: ["len"] });
  });

  it("reads numbers as typed: a decimal comma is a point, an empty answer is missing and named", () => {
    const draft = { ...draftOf(null, "numeric"), prompt: "7 / 2?", answer: " 3,5 ", tolerance: "0,1", points: "2" };
    expect(checkDraft(draft)).toEqual({
      ok: true,
      fields: { type: "numeric", prompt: "7 / 2?", points: 2, explanation: null, answer: 3.5, tolerance: 0.1 },
    });
    const empty = checkDraft({ ...draft, answer: "" });
    expect(empty).toEqual({ ok: false, errors: { answer: "The answer must be a number." } });
    expect(checkDraft({ ...draft, points: "" })).toMatchObject({ ok: true, fields: { points: 1 } });
    expect(checkDraft({ ...draft, answer: "three" })).toMatchObject({ ok: false, errors: { answer: expect.any(String) } });
  });

  it("keys errors by field path, as the form shows them beside each option", () => {
    const draft = { ...draftOf(null, "single"), prompt: "Pick" };
    draft.options[0]!.text = "A";
    const checked = checkDraft(draft);
    expect(checked).toEqual({ ok: false, errors: { "options.1.text": "An option cannot be empty." } });
    draft.options[1]!.text = "B";
    draft.options[1]!.correct = true;
    expect(checkDraft(draft)).toMatchObject({ ok: false, errors: { options: expect.stringMatching(/one correct option/) } });
  });

  it("turns a stored question back into a draft and a body; a copy's options lose their ids", () => {
    const question: EditorQuestion = {
      id: "q1",
      type: "multiple",
      prompt: "Which?",
      points: 3,
      explanation: null,
      partialCredit: true,
      options: [
        { id: "a", text: "A", correct: true },
        { id: "b", text: "B", correct: false },
      ],
    };
    const draft = draftOf(question);
    expect(draft).toMatchObject({ type: "multiple", points: "3", partialCredit: true, explanation: "" });
    expect(checkDraft(draft)).toMatchObject({ ok: true, fields: { options: question.options } });
    expect(bodyOfQuestion(question)).toEqual({
      type: "multiple",
      prompt: "Which?",
      points: 3,
      explanation: null,
      partialCredit: true,
      options: question.options,
    });
    expect(bodyOfQuestion(question, { freshOptions: true })).toMatchObject({
      options: [
        { text: "A", correct: true },
        { text: "B", correct: false },
      ],
    });
    expect((bodyOfQuestion(question, { freshOptions: true }).options as object[]).every((o) => !("id" in o))).toBe(true);
    // The stored question is not changed by either.
    expect(question.options[0]).toEqual({ id: "a", text: "A", correct: true });
  });

  it("tells a choice question nobody can answer right, and shows a prompt's first line as plain text", () => {
    const options = [
      { text: "A", correct: false },
      { text: "B", correct: false },
    ];
    expect(lacksCorrectOption({ type: "single", prompt: "p", points: 1, explanation: null, options })).toBe(true);
    expect(lacksCorrectOption({ type: "true_false", prompt: "p", points: 1, explanation: null, correct: false })).toBe(false);
    expect(excerpt("\n## Which **keyword** [defines](https://example.test) a `function`?\nMore")).toBe("Which keyword defines a function?");
    expect(excerpt("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
