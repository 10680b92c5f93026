import { beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
import { buildCourse } from "../helpers/learning-fixtures";
import { buildQuizCourse, sampleQuestions, type AuthoredQuestionShape, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * The quiz authoring API over HTTP against the built app: a quiz lesson made with the curriculum's POST …/lessons, its
 * settings, its questions added (at the end or at a position), changed, reordered and deleted, publishing refused while
 * a quiz cannot be passed and accepted once it can. Every bad payload is a 400 that says what is wrong and changes
 * nothing (the quiz is read again after each).
 */

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type QuizBody = { quiz: { lessonId: string; title: string; settings: Record<string, unknown>; questions: AuthoredQuestionShape[] } };

let author: Account;
let built: QuizCourse;

beforeAll(async () => {
  author = await newAccount("INSTRUCTOR", "quiz-author");
  built = await buildQuizCourse(author.client, { title: "Quiz authoring fixture" });
}, 120_000);

describe("the quiz fixture", () => {
  it("builds a published course with a quiz of one question of each type", async () => {
    const response = await author.client.get(`${built.quizPath}/quiz`);
    expect(response.status).toBe(200);
    const { quiz } = response.json<{ quiz: { questions: { type: string }[] } }>();
    expect(quiz.questions.map((q) => q.type)).toEqual(["single", "multiple", "true_false", "short_text", "numeric"]);
  });
});

describe("authoring a quiz over HTTP", () => {
  let courseId = "";
  let quizPath = "";
  let plainPath = "";
  const read = async () => {
    const response = await author.client.get(`${quizPath}/quiz`);
    expect(response.status).toBe(200);
    return response.json<QuizBody>().quiz;
  };
  /** A 400 whose message (or a field's) matches `message`, and a quiz unchanged by it. */
  async function refused(send: () => ReturnType<Account["client"]["get"]>, message: RegExp) {
    const before = await read();
    const response = await send();
    expect(response.status, response.text).toBe(400);
    const { error } = response.json<ErrorBody>();
    expect([error.message, ...Object.values(error.fields ?? {})].join(" | ")).toMatch(message);
    expect(await read()).toEqual(before);
  }
  const publish = (published = true) => author.client.post(`/api/instructor/courses/${courseId}/publish`, { published });

  beforeAll(async () => {
    const course = await buildCourse(author.client, { title: "Quiz authoring flow", lessons: 1, publish: false });
    courseId = course.courseId;
    const lessons = `/api/instructor/courses/${courseId}/modules/${course.moduleId}/lessons`;
    plainPath = `${lessons}/${course.lessonIds[0]}`;
    const made = await author.client.post(lessons, { title: "Week 1 check", kind: "quiz", content: "Ten minutes, no notes." });
    expect(made.status).toBe(201);
    quizPath = `${lessons}/${made.json<{ lesson: { id: string } }>().lesson.id}`;
  }, 60_000);

  it("starts with the default settings and no questions; publishing is refused and names the quiz", async () => {
    const quiz = await read();
    expect(quiz).toMatchObject({
      title: "Week 1 check",
      settings: {
        passingScore: 70,
        maxAttempts: null,
        timeLimitMinutes: null,
        shuffleQuestions: false,
        shuffleOptions: false,
        showAnswers: "after_submit",
      },
      questions: [],
    });
    const refusal = await publish();
    expect(refusal.status).toBe(400);
    expect(refusal.json<ErrorBody>().error.message).toContain('Quiz "Week 1 check" has no questions.');
    expect(refusal.json<ErrorBody>().error.fields).toMatchObject({ quizzes: 'Quiz "Week 1 check" has no questions.' });
  });

  it("changes the settings sent, and refuses bad ones with nothing written", async () => {
    const changed = await author.client.patch(`${quizPath}/quiz`, {
      passingScore: 80,
      maxAttempts: 3,
      timeLimitMinutes: 20,
      shuffleOptions: true,
    });
    expect(changed.status).toBe(200);
    expect(changed.json<{ settings: unknown }>().settings).toEqual({
      passingScore: 80,
      maxAttempts: 3,
      timeLimitMinutes: 20,
      shuffleQuestions: false,
      shuffleOptions: true,
      showAnswers: "after_submit",
    });
    const back = await author.client.patch(`${quizPath}/quiz`, { maxAttempts: null, showAnswers: "after_pass" });
    expect(back.json<{ settings: unknown }>().settings).toMatchObject({ maxAttempts: null, showAnswers: "after_pass", passingScore: 80 });

    const patch = (body: unknown) => () => author.client.patch(`${quizPath}/quiz`, body);
    await refused(patch({ passingScore: 101 }), /passing score must be at most 100/);
    await refused(patch({ passingScore: 50.5 }), /passing score must be a whole number/);
    await refused(patch({ passingScore: "80" }), /passing score must be a number/);
    await refused(patch({ maxAttempts: 0 }), /number of attempts must be at least 1/);
    await refused(patch({ timeLimitMinutes: -5 }), /time limit must be at least 1/);
    await refused(patch({ showAnswers: "always" }), /showAnswers is after_submit, after_pass or never/);
    await refused(patch({ shuffleQuestions: "yes" }), /shuffleQuestions must be true or false/);
    await refused(patch({}), /at least one setting/);
    await refused(patch({ passingScore: 60, title: "Sneaky" }), /./);
    await refused(patch([]), /./);
  });

  let ids: string[] = [];
  it("adds a question of each type at the end, and one at a position; options get ids", async () => {
    for (const body of sampleQuestions) {
      const made = await author.client.post(`${quizPath}/questions`, body);
      expect(made.status, made.text).toBe(201);
      const { question } = made.json<{ question: AuthoredQuestionShape }>();
      expect(question).toMatchObject({ type: body.type, prompt: body.prompt, points: 1 });
      if ("options" in question) for (const option of question.options) expect(option.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      ids.push(question.id);
    }
    const first = await author.client.post(`${quizPath}/questions`, {
      type: "true_false",
      prompt: "Salt water freezes at a lower temperature than fresh water.",
      correct: true,
      points: 2,
      position: 0,
    });
    expect(first.status).toBe(201);
    ids = [first.json<{ question: { id: string } }>().question.id, ...ids];
    const quiz = await read();
    expect(quiz.questions.map((q) => q.id)).toEqual(ids);
    expect(quiz.questions.map((q) => q.type)).toEqual(["true_false", "single", "multiple", "true_false", "short_text", "numeric"]);
    expect(quiz.questions[0]).toEqual({
      id: ids[0],
      type: "true_false",
      prompt: expect.any(String),
      points: 2,
      explanation: null,
      correct: true,
    });
    expect(quiz.questions[5]).toMatchObject({ type: "numeric", answer: 3.5, tolerance: 0 });
    expect(quiz.questions[4]).toMatchObject({ acceptedAnswers: ["len", "len()"] });
  });

  it("refuses bad questions with a 400 that says why, and adds nothing", async () => {
    const post = (body: unknown) => () => author.client.post(`${quizPath}/questions`, body);
    const choice = (options: unknown, type = "single") => ({ type, prompt: "Pick one.", options });
    await refused(post({ prompt: "No type." }), /type is single, multiple, true_false, short_text or numeric/);
    await refused(post({ type: "essay", prompt: "Write." }), /type is single, multiple, true_false, short_text or numeric/);
    await refused(post({ type: "true_false", prompt: "   ", correct: true }), /Write the question/);
    await refused(post({ type: "true_false", prompt: "Is it?" }), /Say whether the statement is true/);
    await refused(post(choice([{ text: "Only", correct: true }])), /at least two options/);
    await refused(
      post(
        choice([
          { text: "A", correct: true },
          { text: "B", correct: true },
        ]),
      ),
      /single-choice question has one correct option/,
    );
    await refused(
      post(
        choice([
          { text: "", correct: true },
          { text: "B", correct: false },
        ]),
      ),
      /option cannot be empty/,
    );
    await refused(
      post(
        choice([
          { id: "same", text: "A", correct: true },
          { id: "same", text: "B", correct: false },
        ]),
      ),
      /same id/,
    );
    await refused(post({ type: "short_text", prompt: "Name it.", acceptedAnswers: [] }), /at least one accepted answer/);
    await refused(post({ type: "short_text", prompt: "Name it.", acceptedAnswers: ["  "] }), /accepted answer cannot be empty/);
    await refused(post({ type: "numeric", prompt: "How many?", answer: "three" }), /answer must be a number/);
    await refused(post({ type: "numeric", prompt: "How many?", answer: 3, tolerance: -1 }), /tolerance cannot be negative/);
    await refused(post({ type: "true_false", prompt: "Is it?", correct: true, points: 0 }), /Points must be at least 1/);
    await refused(post({ type: "true_false", prompt: "Is it?", correct: true, position: -1 }), /position starts at 0/);
    await refused(post("true"), /./);
  });

  it("refuses publishing while a choice question has no right option, naming its number, and publishes once fixed", async () => {
    const made = await author.client.post(`${quizPath}/questions`, {
      type: "multiple",
      prompt: "Which are oceans?",
      options: [
        { text: "Arctic", correct: false },
        { text: "Caspian", correct: false },
      ],
    });
    expect(made.status).toBe(201);
    const question = made.json<{ question: Extract<AuthoredQuestionShape, { type: "multiple" }> }>().question;
    ids.push(question.id);
    const refusal = await publish();
    expect(refusal.status).toBe(400);
    expect(refusal.json<ErrorBody>().error.message).toContain('Quiz "Week 1 check", question 7: mark the correct option.');

    // A change is merged into the question; the options keep their ids.
    const fixed = await author.client.patch(`${quizPath}/questions/${question.id}`, {
      options: [{ ...question.options[0], correct: true }, question.options[1], { text: "Indian", correct: true }],
      partialCredit: true,
    });
    expect(fixed.status, fixed.text).toBe(200);
    const after = fixed.json<{ question: Extract<AuthoredQuestionShape, { type: "multiple" }> }>().question;
    expect(after).toMatchObject({ prompt: "Which are oceans?", partialCredit: true });
    expect(after.options.slice(0, 2).map((o) => o.id)).toEqual(question.options.map((o) => o.id));
    expect(after.options.map((o) => o.correct)).toEqual([true, false, true]);
    expect((await publish()).status).toBe(200);
    expect((await publish(false)).status).toBe(200);
  });

  it("changes a question's type only with what the new type needs; bad changes are 400s with nothing written", async () => {
    const url = `${quizPath}/questions/${ids[1]}`;
    const patch = (body: unknown) => () => author.client.patch(url, body);
    await refused(patch({ type: "numeric" }), /answer must be a number/);
    await refused(patch({}), /at least one field/);
    await refused(patch({ points: 0 }), /Points must be at least 1/);
    await refused(patch({ prompt: "" }), /Write the question/);
    await refused(patch({ correct: "yes" }), /correct must be true or false/);
    await refused(patch({ lessonId: ids[0] }), /./);
    const changed = await author.client.patch(url, { type: "numeric", answer: 1025, tolerance: 5, explanation: "About 1025 kg/m³." });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json<{ question: unknown }>().question).toEqual({
      id: ids[1],
      type: "numeric",
      prompt: sampleQuestions[0].prompt,
      points: 1,
      explanation: "About 1025 kg/m³.",
      answer: 1025,
      tolerance: 5,
    });
  });

  it("reorders with every question once, and refuses any other list", async () => {
    const reversed = [...ids].reverse();
    const response = await author.client.post(`${quizPath}/questions/reorder`, { order: reversed });
    expect(response.status, response.text).toBe(200);
    expect(response.json<{ questions: { id: string }[] }>().questions.map((q) => q.id)).toEqual(reversed);
    expect((await read()).questions.map((q) => q.id)).toEqual(reversed);

    const reorder = (body: unknown) => () => author.client.post(`${quizPath}/questions/reorder`, body);
    await refused(reorder({ order: reversed.slice(1) }), /every question of this quiz exactly once/);
    await refused(reorder({ order: [...reversed, built.questions[0]!.id] }), /every question of this quiz exactly once/);
    await refused(reorder({ order: [reversed[0], ...reversed] }), /listed twice/);
    await refused(reorder({ order: [] }), /question ids in their new order/);
    await refused(reorder({ order: "all" }), /Send the question ids as a list/);
    await refused(reorder({ order: ["not-an-id", ...reversed.slice(1)] }), /./);
  });

  it("deletes a question (204, then 404), and answers 404 for a question of another quiz or a lesson that is not a quiz", async () => {
    const gone = ids.at(-1)!;
    expect((await author.client.request("DELETE", `${quizPath}/questions/${gone}`)).status).toBe(204);
    expect((await read()).questions.map((q) => q.id)).not.toContain(gone);
    expect((await author.client.request("DELETE", `${quizPath}/questions/${gone}`)).status).toBe(404);
    expect((await author.client.patch(`${quizPath}/questions/${gone}`, { points: 2 })).status).toBe(404);
    // The fixture's question, through this quiz's path, and this quiz's routes on an ordinary lesson.
    const foreign = built.questions[0]!.id;
    expect((await author.client.patch(`${quizPath}/questions/${foreign}`, { points: 2 })).status).toBe(404);
    expect((await author.client.request("DELETE", `${quizPath}/questions/${foreign}`)).status).toBe(404);
    expect((await author.client.get(`${plainPath}/quiz`)).status).toBe(404);
    expect((await author.client.patch(`${plainPath}/quiz`, { passingScore: 50 })).status).toBe(404);
    const onPlain = await author.client.post(`${plainPath}/questions`, sampleQuestions[2]);
    expect(onPlain.status).toBe(404);
    expect((await author.client.get(`${built.quizPath}/quiz`)).json<QuizBody>().quiz.questions).toHaveLength(5);
  });
});
