import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courseWithQuiz, outcomeOf } from "../../../tests/helpers/quiz-authoring-db";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { setCoursePublished } from "@/lib/courses/manage-course";
import { db } from "@/lib/db/client";
import { quizQuestions } from "@/lib/db/schema";
import { createQuestionSchema, MAX_QUESTIONS, updateQuestionSchema, type CreateQuestionInput } from "@/lib/validation/quiz";
import type { AuthoredQuestion } from "./authored-question";
import { createQuestion, deleteQuestion, reorderQuestions, updateQuestion } from "./manage-questions";
import { getQuizForEditor, type QuizPath } from "./manage-quiz";

withTestDatabase();

/** Parsed as the route parses it, so defaults (points 1, tolerance 0…) apply. */
const question = (body: Record<string, unknown>): CreateQuestionInput => createQuestionSchema.parse(body);
const single = (prompt = "Pick one", extra: Record<string, unknown> = {}) =>
  question({
    type: "single",
    prompt,
    options: [
      { text: "Right", correct: true },
      { text: "Wrong", correct: false },
    ],
    ...extra,
  });

async function prompts(path: QuizPath) {
  const rows = await db
    .select({ prompt: quizQuestions.prompt, ord: quizQuestions.ord })
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, path.lessonId))
    .orderBy(asc(quizQuestions.ord));
  return rows.map((r) => `${r.ord}:${r.prompt}`);
}

describe("questions", () => {
  it("stores each type with its answers, true/false as two options with fixed ids", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const made: AuthoredQuestion[] = [];
    for (const body of [
      {
        type: "single",
        prompt: "S",
        options: [
          { text: "a", correct: true },
          { text: "b", correct: false },
        ],
      },
      {
        type: "multiple",
        prompt: "M",
        points: 3,
        partialCredit: true,
        options: [
          { text: "a", correct: true },
          { text: "b", correct: true },
          { text: "c", correct: false },
        ],
      },
      { type: "true_false", prompt: "T", correct: false, explanation: "  It is *false*.  " },
      { type: "short_text", prompt: "W", acceptedAnswers: ["  Paris ", "paris, france"] },
      { type: "numeric", prompt: "N", answer: 3.14, tolerance: 0.01 },
    ]) {
      made.push(await createQuestion(owner, quiz, question(body)));
    }
    expect(made.map((q) => q.type)).toEqual(["single", "multiple", "true_false", "short_text", "numeric"]);
    expect(made[1]).toMatchObject({ points: 3, partialCredit: true });
    expect(made[2]).toMatchObject({ correct: false, explanation: "It is *false*." });
    expect(made[3]).toMatchObject({ acceptedAnswers: ["Paris", "paris, france"] });
    expect(made[4]).toMatchObject({ answer: 3.14, tolerance: 0.01, points: 1 });
    const rows = await db.select().from(quizQuestions).orderBy(asc(quizQuestions.ord));
    expect(rows.map((r) => r.ord)).toEqual([0, 1, 2, 3, 4]);
    expect(rows[2]!.options).toEqual([
      { id: "true", text: "True", correct: false },
      { id: "false", text: "False", correct: true },
    ]);
    // Nothing of another type is left in a row.
    expect(rows[3]).toMatchObject({ options: [], numericAnswer: null, partialCredit: false });
    expect(rows[4]).toMatchObject({ options: [], acceptedAnswers: [], numericAnswer: 3.14 });
  });

  it("gives options without an id a new one, unique in the question, and keeps ids sent", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const made = await createQuestion(
      owner,
      quiz,
      question({
        type: "multiple",
        prompt: "Which?",
        options: [
          { id: "keep-me", text: "A", correct: true },
          { text: "B", correct: false },
          { text: "C", correct: false },
        ],
      }),
    );
    if (made.type !== "multiple") throw new Error("not a multiple-choice question");
    const ids = made.options.map((o) => o.id);
    expect(ids[0]).toBe("keep-me");
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it("keeps option ids across edits: by id, and by text for an option sent without one", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const made = await createQuestion(owner, quiz, single());
    if (made.type !== "single") throw new Error("not single");
    const [right, wrong] = made.options;
    const edited = await updateQuestion(owner, quiz, made.id, {
      options: [
        { id: right!.id, text: "Right, renamed", correct: true },
        { text: "Wrong", correct: false },
        { text: "New", correct: false },
      ],
    });
    if (edited.type !== "single") throw new Error("not single");
    expect(edited.options.map((o) => o.id).slice(0, 2)).toEqual([right!.id, wrong!.id]);
    expect(edited.options[2]!.id).not.toBe(right!.id);
    expect(edited.options[0]!.text).toBe("Right, renamed");
  });

  it("merges a change into the stored question and checks the whole again", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const made = await createQuestion(owner, quiz, single("Old prompt", { explanation: "Why" }));
    // Only the prompt changes; the options, points and explanation stay.
    const renamed = await updateQuestion(owner, quiz, made.id, { prompt: "New prompt" });
    expect(renamed).toMatchObject({ prompt: "New prompt", explanation: "Why", points: 1 });
    expect(renamed).toEqual({ ...made, prompt: "New prompt" });
    // Two correct options make no single-choice question: refused, nothing written.
    const twoRight = await outcomeOf(
      updateQuestion(owner, quiz, made.id, {
        options: [
          { text: "A", correct: true },
          { text: "B", correct: true },
        ],
      }),
    );
    expect(twoRight.status).toBe(400);
    expect(twoRight.error!.options.fields).toEqual({ options: expect.stringMatching(/one correct option/) });
    // As a multiple-choice question, the same options are fine: the type and the options change together.
    const multiple = await updateQuestion(owner, quiz, made.id, {
      type: "multiple",
      options: [
        { text: "A", correct: true },
        { text: "B", correct: true },
      ],
    });
    expect(multiple).toMatchObject({ type: "multiple", partialCredit: false, prompt: "New prompt" });
    // A change of type must bring what the new type needs.
    const toText = await outcomeOf(updateQuestion(owner, quiz, made.id, { type: "short_text" }));
    expect(toText.status).toBe(400);
    expect(Object.keys(toText.error!.options.fields!)).toEqual(["acceptedAnswers"]);
    const text = await updateQuestion(owner, quiz, made.id, { type: "short_text", acceptedAnswers: ["yes"] });
    expect(text).toEqual({
      id: made.id,
      type: "short_text",
      prompt: "New prompt",
      points: 1,
      explanation: "Why",
      acceptedAnswers: ["yes"],
    });
    const row = (await db.select().from(quizQuestions).where(eq(quizQuestions.id, made.id)))[0]!;
    expect(row.options).toEqual([]);
    // null clears the explanation; true_false from the stored one needs `correct`.
    expect(await updateQuestion(owner, quiz, made.id, { explanation: null })).toMatchObject({ explanation: null });
    expect((await outcomeOf(updateQuestion(owner, quiz, made.id, { type: "true_false" }))).error!.options.fields).toHaveProperty("correct");
    expect(await updateQuestion(owner, quiz, made.id, { type: "true_false", correct: true })).toMatchObject({ correct: true });
  });

  it("refuses an empty change and unknown fields in the PATCH schema", () => {
    expect(updateQuestionSchema.safeParse({}).success).toBe(false);
    expect(updateQuestionSchema.safeParse({ prompt: "x", correctAnswer: 1 }).success).toBe(false);
    expect(updateQuestionSchema.safeParse({ points: 0 }).error!.issues[0]).toMatchObject({ path: ["points"] });
  });

  it("adds a question at a position, at the end past it, and closes the gap a delete leaves", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const a = await createQuestion(owner, quiz, single("A"));
    await createQuestion(owner, quiz, single("B"));
    await createQuestion(owner, quiz, single("Z", { position: 0 }));
    await createQuestion(owner, quiz, single("end", { position: 99 }));
    expect(await prompts(quiz)).toEqual(["0:Z", "1:A", "2:B", "3:end"]);
    await deleteQuestion(owner, quiz, a.id);
    expect(await prompts(quiz)).toEqual(["0:Z", "1:B", "2:end"]);
    // Undo: the deleted question comes back at its place.
    await createQuestion(owner, quiz, single("A", { position: 1 }));
    expect(await prompts(quiz)).toEqual(["0:Z", "1:A", "2:B", "3:end"]);
  });

  it("reorders with the full list only", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const [a, b, c] = [
      await createQuestion(owner, quiz, single("A")),
      await createQuestion(owner, quiz, single("B")),
      await createQuestion(owner, quiz, single("C")),
    ];
    const other = await courseWithQuiz(owner);
    const foreign = await createQuestion(owner, other.quiz, single("Foreign"));
    for (const order of [
      [a!.id, b!.id],
      [a!.id, b!.id, c!.id, foreign.id],
      [a!.id, b!.id, foreign.id],
    ]) {
      const refused = await outcomeOf(reorderQuestions(owner, quiz, order));
      expect(refused.status).toBe(400);
      expect(refused.error!.options.fields).toEqual({ order: "List every question of this quiz exactly once." });
    }
    expect(await prompts(quiz)).toEqual(["0:A", "1:B", "2:C"]);
    const answered = await reorderQuestions(owner, quiz, [c!.id, a!.id, b!.id]);
    expect(answered.map((q) => q.prompt)).toEqual(["C", "A", "B"]);
    expect(await prompts(quiz)).toEqual(["0:C", "1:A", "2:B"]);
    expect(await prompts(other.quiz)).toEqual(["0:Foreign"]);
  });

  it("keeps the order dense when questions are added at the same time", async () => {
    const { owner, quiz } = await courseWithQuiz();
    await Promise.all(Array.from({ length: 6 }, (_, i) => createQuestion(owner, quiz, single(`Q${i}`))));
    const rows = await db.select({ ord: quizQuestions.ord }).from(quizQuestions).orderBy(asc(quizQuestions.ord));
    expect(rows.map((r) => r.ord)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it(`refuses question ${MAX_QUESTIONS + 1} with 409`, async () => {
    const { owner, quiz } = await courseWithQuiz();
    await db.insert(quizQuestions).values(
      Array.from({ length: MAX_QUESTIONS }, (_, ord) => ({
        lessonId: quiz.lessonId,
        type: "numeric" as const,
        prompt: `Q${ord}`,
        numericAnswer: ord,
        ord,
      })),
    );
    const refused = await outcomeOf(createQuestion(owner, quiz, single()));
    expect(refused).toMatchObject({ status: 409, error: { userMessage: `A quiz has at most ${MAX_QUESTIONS} questions.` } });
  });

  it("answers 404 for a question of another quiz, and for a quiz route on a lesson that is not a quiz", async () => {
    const { owner, quiz, plain } = await courseWithQuiz();
    const other = await courseWithQuiz(owner);
    const foreign = await createQuestion(owner, other.quiz, single("Foreign"));
    expect((await outcomeOf(updateQuestion(owner, quiz, foreign.id, { prompt: "Mine now" }))).status).toBe(404);
    expect((await outcomeOf(deleteQuestion(owner, quiz, foreign.id))).status).toBe(404);
    expect((await outcomeOf(createQuestion(owner, plain, single()))).status).toBe(404);
    expect((await outcomeOf(reorderQuestions(owner, plain, [foreign.id]))).status).toBe(404);
    expect(await prompts(other.quiz)).toEqual(["0:Foreign"]);
  });

  it("lets only the course's editors write: 401, 403 for a learner, 404/403 for another instructor, admins may", async () => {
    const { owner, quiz } = await courseWithQuiz();
    const made = await createQuestion(owner, quiz, single("Mine"));
    const learner = await insertUser({ role: "LEARNER" });
    const stranger = await insertUser({ role: "INSTRUCTOR" });
    const admin = await insertUser({ role: "ADMIN" });
    type Actor = Parameters<typeof createQuestion>[0];
    const attempts = (actor: Actor) => [
      outcomeOf(createQuestion(actor, quiz, single("Intruder"))),
      outcomeOf(updateQuestion(actor, quiz, made.id, { prompt: "Intruder" })),
      outcomeOf(reorderQuestions(actor, quiz, [made.id])),
      outcomeOf(deleteQuestion(actor, quiz, made.id)),
    ];
    const statuses = async (actor: Actor) => (await Promise.all(attempts(actor))).map((o) => o.status);
    expect(await statuses(null)).toEqual([401, 401, 401, 401]);
    expect(await statuses(learner)).toEqual([403, 403, 403, 403]);
    expect(await statuses(stranger)).toEqual([404, 404, 404, 404]);
    await setCoursePublished(owner, quiz.courseId, true);
    expect(await statuses(stranger)).toEqual([403, 403, 403, 403]);
    expect(await prompts(quiz)).toEqual(["0:Mine"]);
    const byAdmin = await createQuestion(admin, quiz, single("By admin"));
    await updateQuestion(admin, quiz, made.id, { prompt: "Edited by admin" });
    await reorderQuestions(admin, quiz, [byAdmin.id, made.id]);
    expect(await prompts(quiz)).toEqual(["0:By admin", "1:Edited by admin"]);
    await deleteQuestion(admin, quiz, byAdmin.id);
    expect((await getQuizForEditor(owner, quiz)).questions.map((q) => q.prompt)).toEqual(["Edited by admin"]);
  });
});
