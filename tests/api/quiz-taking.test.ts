import { beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
import { enrollIn } from "../helpers/learning-fixtures";
import { buildQuizCourse, type AnswerShape, type QuizCourse, type QuizQuestionType } from "../helpers/quiz-fixtures";

/**
 * Taking a quiz over HTTP against the built app: start, save, resume, submit, retry, and what each answer may and may
 * not contain. The fixture quiz (tests/helpers/quiz-fixtures.ts) has one question of each type, 1 point each, pass at 70 %.
 */

type Attempt = {
  id: string;
  number: number;
  status: "open" | "submitted";
  deadlineAt: string | null;
  timedOut: boolean;
  score: number | null;
  passed: boolean | null;
  questions: {
    id: string;
    number: number;
    type: QuizQuestionType;
    prompt: string;
    points: number;
    options: { id: string; text: string }[];
  }[];
  answers: Record<string, AnswerShape>;
  result: {
    answersShown: boolean;
    feedback: { questionId: string; outcome: string; solution?: unknown; explanation?: string | null }[];
  } | null;
};
type Status = {
  attemptsAllowed: number | null;
  attemptsUsed: number;
  attemptsLeft: number | null;
  passed: boolean;
  openAttemptId: string | null;
};
type Started = { attempt: Attempt; quiz: Status };
type Submitted = Started & { progress: { lessonId: string; completed: boolean; progress: number; courseCompleted: boolean } };
type MyCourse = { enrollment: { progress: number } | null; curriculum: { lessons: { id: string; completed: boolean }[] }[] };

const TYPES: QuizQuestionType[] = ["single", "multiple", "true_false", "short_text", "numeric"];

let author: Account;
/** Unlimited attempts, answers shown after submit. */
let course: QuizCourse;
/** Two attempts allowed, answers never shown. */
let limited: QuizCourse;
/** A one-minute limit: its attempt is started first and looked at last, so the suite waits as little as it can. */
let timed: QuizCourse;
let timedLearner: Account;
let timedAttempt: Attempt;

const attemptsUrl = (c: QuizCourse) => `/api/my-courses/${c.courseId}/lessons/${c.quizLessonId}/attempts`;

/** What would tell an answer of the fixture quiz in JSON: keys of the answers, an accepted answer, the number. */
const REVEALING = [/"correct"/, /acceptedAnswers/, /tolerance/, /"explanation"/, /"explanationHtml"/, /"solution"/, /"len\(\)"/, /3\.5/];

async function learnerIn(c: QuizCourse, prefix: string): Promise<Account> {
  const learner = await newAccount("LEARNER", prefix);
  await enrollIn(learner.client, c.courseId);
  return learner;
}

async function start(learner: Account, c: QuizCourse, status = 201): Promise<Started> {
  const response = await learner.client.post(attemptsUrl(c));
  expect(response.status, response.text).toBe(status);
  return response.json<Started>();
}

async function save(learner: Account, c: QuizCourse, attemptId: string, questionId: string, answer: unknown, status = 200) {
  const response = await learner.client.put(`${attemptsUrl(c)}/${attemptId}/answers`, { questionId, answer });
  expect(response.status, response.text).toBe(status);
  return response;
}

/** Saves the right answer to the types given and the wrong one to the others. */
async function answerAll(learner: Account, c: QuizCourse, attemptId: string, right: QuizQuestionType[]) {
  for (const type of TYPES) {
    const { questionId, right: good, wrong } = c.answers[type];
    await save(learner, c, attemptId, questionId, right.includes(type) ? good : wrong);
  }
}

async function submit(learner: Account, c: QuizCourse, attemptId: string): Promise<Submitted> {
  const response = await learner.client.post(`${attemptsUrl(c)}/${attemptId}/submit`);
  expect(response.status, response.text).toBe(200);
  return response.json<Submitted>();
}

async function myCourse(learner: Account, c: QuizCourse): Promise<MyCourse> {
  const response = await learner.client.get(`/api/my-courses/${c.courseId}`);
  expect(response.status).toBe(200);
  return response.json<MyCourse>();
}
const quizDone = (my: MyCourse, c: QuizCourse) => my.curriculum.flatMap((m) => m.lessons).find((l) => l.id === c.quizLessonId)!.completed;

beforeAll(async () => {
  author = await newAccount("INSTRUCTOR", "quiz-taking-author");
  timed = await buildQuizCourse(author.client, { title: "Quiz taking: timed", settings: { timeLimitMinutes: 1 } });
  timedLearner = await learnerIn(timed, "quiz-timed");
  timedAttempt = (await start(timedLearner, timed)).attempt;
  await save(timedLearner, timed, timedAttempt.id, timed.answers.single.questionId, timed.answers.single.right);
  [course, limited] = await Promise.all([
    buildQuizCourse(author.client, { title: "Quiz taking: open" }),
    buildQuizCourse(author.client, { title: "Quiz taking: two attempts", settings: { maxAttempts: 2, showAnswers: "never" } }),
  ]);
}, 180_000);

describe("taking a quiz over HTTP", () => {
  let learner: Account;
  let first: Attempt;

  beforeAll(async () => {
    learner = await learnerIn(course, "quiz-taker");
  }, 60_000);

  it("starts an attempt with every question and nothing that tells an answer", async () => {
    const response = await learner.client.post(attemptsUrl(course));
    expect(response.status).toBe(201);
    for (const pattern of REVEALING) expect(response.text).not.toMatch(pattern);
    const { attempt, quiz } = response.json<Started>();
    first = attempt;
    expect(attempt).toMatchObject({ number: 1, status: "open", deadlineAt: null, score: null, result: null, answers: {} });
    expect(attempt.questions.map((q) => q.type)).toEqual(TYPES);
    expect(attempt.questions.find((q) => q.type === "true_false")!.options).toEqual([
      { id: "true", text: "True" },
      { id: "false", text: "False" },
    ]);
    expect(Object.keys(attempt.questions[0]!).sort()).toEqual(["id", "number", "options", "points", "prompt", "promptHtml", "type"]);
    expect(quiz).toMatchObject({ attemptsAllowed: null, attemptsUsed: 1, attemptsLeft: null, passed: false, openAttemptId: attempt.id });
  });

  it("answers the same open attempt to a second start (a reload, another device)", async () => {
    const again = await start(learner, course, 200);
    expect(again.attempt.id).toBe(first.id);
  });

  it("saves answers, and a resume returns them as saved", async () => {
    await answerAll(learner, course, first.id, ["single", "true_false"]);
    // Changed and cleared: the last value counts.
    await save(learner, course, first.id, course.answers.single.questionId, course.answers.single.wrong);
    await save(learner, course, first.id, course.answers.single.questionId, course.answers.single.right);
    await save(learner, course, first.id, course.answers.numeric.questionId, null);
    const resumed = await start(learner, course, 200);
    for (const pattern of REVEALING) expect(JSON.stringify(resumed)).not.toMatch(pattern);
    expect(resumed.attempt.answers).toEqual({
      [course.answers.single.questionId]: course.answers.single.right,
      [course.answers.multiple.questionId]: course.answers.multiple.wrong,
      [course.answers.true_false.questionId]: course.answers.true_false.right,
      [course.answers.short_text.questionId]: course.answers.short_text.wrong,
    });
    const opened = await learner.client.get(`${attemptsUrl(course)}/${first.id}`);
    expect(opened.status).toBe(200);
    expect(opened.json<Started>().attempt.answers).toEqual(resumed.attempt.answers);
  });

  it("refuses bad payloads with a 400 and saves nothing", async () => {
    const url = `${attemptsUrl(course)}/${first.id}/answers`;
    const { single, multiple, numeric, short_text } = course.answers;
    const bad: [string, unknown][] = [
      ["an empty object", {}],
      ["not an object", [1, 2]],
      ["no questionId", { answer: single.wrong }],
      ["a questionId that is not an id", { questionId: "nope", answer: single.wrong }],
      ["an answer of no known shape", { questionId: single.questionId, answer: { choice: "def" } }],
      ["an answer with extra keys", { questionId: single.questionId, answer: { ...single.wrong, correct: true } }],
      [
        "an option of another question",
        { questionId: single.questionId, answer: { optionId: (multiple.right as { optionIds: string[] }).optionIds[0] } },
      ],
      ["an unknown option id", { questionId: single.questionId, answer: { optionId: "x1" } }],
      ["the shape of another type", { questionId: single.questionId, answer: { text: "def" } }],
      ["a word for a number", { questionId: numeric.questionId, answer: { value: "three and a half" } }],
      ["a control character", { questionId: short_text.questionId, answer: { text: "le\u0000n" } }],
      ["a question not in the quiz", { questionId: crypto.randomUUID(), answer: { text: "len" } }],
    ];
    for (const [label, body] of bad) {
      const response = await learner.client.request("PUT", url, { json: body });
      expect(response.status, `${label}: ${response.text}`).toBe(400);
      expect(response.json<{ error: { message: string } }>().error.message, label).toBeTruthy();
    }
    const unchanged = await learner.client.get(`${attemptsUrl(course)}/${first.id}`);
    expect(unchanged.json<Started>().attempt.answers[single.questionId]).toEqual(single.right);
    expect(unchanged.json<Started>().attempt.answers[numeric.questionId]).toBeUndefined();
  });

  it("grades a failing submit on the server, once, with the right answers shown after submit", async () => {
    const before = await myCourse(learner, course);
    const graded = await submit(learner, course, first.id);
    // Right: single, true_false. Wrong: multiple, short_text. Unanswered: numeric. 2 of 5 is 40 %.
    expect(graded.attempt).toMatchObject({ status: "submitted", score: 40, passed: false });
    expect(graded.attempt.result!.answersShown).toBe(true);
    expect(graded.attempt.result!.feedback.map((f) => f.outcome)).toEqual(["right", "wrong", "right", "wrong", "unanswered"]);
    const numeric = graded.attempt.result!.feedback[4]!;
    expect(numeric).toMatchObject({ solution: { answer: 3.5, tolerance: 0 }, explanation: "Division in Python 3 gives a float." });
    expect(graded.progress).toMatchObject({ lessonId: course.quizLessonId, completed: false, progress: before.enrollment!.progress });
    expect(graded.quiz).toMatchObject({ attemptsUsed: 1, passed: false, openAttemptId: null });

    const again = await submit(learner, course, first.id);
    expect({ ...again.attempt, now: "" }).toEqual({ ...graded.attempt, now: "" });
    await save(learner, course, first.id, course.answers.numeric.questionId, course.answers.numeric.right, 409);
    expect(quizDone(await myCourse(learner, course), course)).toBe(false);
  });

  it("lists the learner's attempts", async () => {
    const response = await learner.client.get(attemptsUrl(course));
    expect(response.status).toBe(200);
    const { attempts, quiz } = response.json<{ attempts: Attempt[]; quiz: Status }>();
    expect(attempts.map((a) => [a.number, a.status, a.score])).toEqual([[1, "submitted", 40]]);
    expect(quiz).toMatchObject({ attemptsUsed: 1, passed: false });
  });

  it("passes on a retry, which completes the lesson and moves the course's progress", async () => {
    const before = await myCourse(learner, course);
    const second = await start(learner, course);
    expect(second.attempt.number).toBe(2);
    expect(second.attempt.answers).toEqual({});
    await answerAll(learner, course, second.attempt.id, ["single", "multiple", "true_false", "short_text", "numeric"]);
    const graded = await submit(learner, course, second.attempt.id);
    expect(graded.attempt).toMatchObject({ score: 100, passed: true });
    expect(graded.progress.completed).toBe(true);
    expect(graded.progress.progress).toBeGreaterThan(before.enrollment!.progress);
    const after = await myCourse(learner, course);
    expect(quizDone(after, course)).toBe(true);
    expect(after.enrollment!.progress).toBe(graded.progress.progress);
    // The first lesson is not done: one of two.
    expect(after.enrollment!.progress).toBe(50);
    const complete = await learner.client.post(`/api/my-courses/${course.courseId}/lessons/${course.quizLessonId}/complete`, {
      completed: false,
    });
    expect(complete.status, "a quiz is not un-completed by hand").toBe(409);
  });
});

describe("the attempts allowed", () => {
  it("refuses a third attempt of two with a 409 that says so, and hides the answers when the quiz says never", async () => {
    const learner = await learnerIn(limited, "quiz-limited");
    for (const number of [1, 2]) {
      const { attempt } = await start(learner, limited);
      expect(attempt.number).toBe(number);
      await answerAll(learner, limited, attempt.id, ["single"]);
      const graded = await submit(learner, limited, attempt.id);
      expect(graded.attempt).toMatchObject({ score: 20, passed: false });
      expect(graded.attempt.result!.answersShown).toBe(false);
      for (const pattern of REVEALING) expect(JSON.stringify(graded)).not.toMatch(pattern);
    }
    const refused = await learner.client.post(attemptsUrl(limited));
    expect(refused.status).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe(
      "You have used all 2 attempts this quiz allows. Ask your instructor if you need another.",
    );
    const listed = (await learner.client.get(attemptsUrl(limited))).json<{ attempts: Attempt[]; quiz: Status }>();
    expect(listed.attempts).toHaveLength(2);
    expect(listed.quiz).toMatchObject({ attemptsAllowed: 2, attemptsUsed: 2, attemptsLeft: 0 });
  });

  it("keeps another learner's attempt to them: 404", async () => {
    const owner = await learnerIn(limited, "quiz-owner");
    const other = await learnerIn(limited, "quiz-other");
    const { attempt } = await start(owner, limited);
    const url = `${attemptsUrl(limited)}/${attempt.id}`;
    expect((await other.client.get(url)).status).toBe(404);
    expect((await other.client.put(`${url}/answers`, { questionId: limited.answers.single.questionId, answer: null })).status).toBe(404);
    expect((await other.client.post(`${url}/submit`)).status).toBe(404);
    expect((await owner.client.get(url)).json<Started>().attempt.status).toBe("open");
  });
});

describe("the time limit", () => {
  it("refuses answers after the deadline and grades the attempt with what was saved in time", { timeout: 120_000 }, async () => {
    expect(timedAttempt.deadlineAt).not.toBeNull();
    // The deadline, the server's 5 s grace, and a second more.
    const wait = Date.parse(timedAttempt.deadlineAt!) + 6_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const late = await timedLearner.client.put(`${attemptsUrl(timed)}/${timedAttempt.id}/answers`, {
      questionId: timed.answers.numeric.questionId,
      answer: timed.answers.numeric.right,
    });
    expect(late.status).toBe(409);
    const opened = (await timedLearner.client.get(`${attemptsUrl(timed)}/${timedAttempt.id}`)).json<Started>();
    expect(opened.attempt).toMatchObject({ status: "submitted", timedOut: true, score: 20, passed: false });
    expect(opened.attempt.answers).toEqual({ [timed.answers.single.questionId]: timed.answers.single.right });
  });
});
