import { beforeAll, describe, expect, it } from "vitest";
import type { QuizResults } from "@/lib/quizzes/results-types";
import { enrollIn } from "../helpers/learning-fixtures";
import { newAccount, type Account } from "../helpers/api-client";
import { attemptsPath, takeQuiz } from "../helpers/quiz-attempt-api";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * The quiz results over HTTP after real attempts (started, answered and submitted through the learner API): the JSON
 * figures, the CSV, and granting one more attempt, which lets a learner who used their only one start again.
 */

let owner: Account;
let ace: Account;
let stuck: Account;
let outsider: Account;
let course: QuizCourse;
const resultsPath = () => `/api/instructor/courses/${course.courseId}/quizzes/${course.quizLessonId}/results`;
const grantPath = () => `/api/instructor/courses/${course.courseId}/quizzes/${course.quizLessonId}/extra-attempts`;
const results = async () => {
  const response = await owner.client.get(resultsPath());
  expect(response.status).toBe(200);
  return response.json<QuizResults>();
};

beforeAll(async () => {
  [owner, ace, stuck, outsider] = await Promise.all([
    newAccount("INSTRUCTOR", "qres-owner"),
    newAccount("LEARNER", "qres-ace"),
    newAccount("LEARNER", "qres-stuck"),
    newAccount("LEARNER", "qres-outsider"),
  ]);
  course = await buildQuizCourse(owner.client, { title: "Quiz results over HTTP", settings: { maxAttempts: 1 } });
  await enrollIn(ace.client, course.courseId);
  await enrollIn(stuck.client, course.courseId);
  // Ace: every answer right (100 %). Stuck: the multiple and numeric wrong (60 %, below the 70 % to pass).
  const passed = await takeQuiz(ace.client, course);
  expect(passed.attempt).toMatchObject({ score: 100, passed: true });
  const failed = await takeQuiz(stuck.client, course, { multiple: "wrong", numeric: "wrong" });
  expect(failed.attempt).toMatchObject({ score: 60, passed: false });
}, 180_000);

describe("quiz results after real attempts", () => {
  it("answers the figures, the distribution, item analysis, the attempts and the learners as JSON", async () => {
    const r = await results();
    expect(r.quiz).toMatchObject({ lessonId: course.quizLessonId, passingScore: 70, maxAttempts: 1, questions: 5, pointsPossible: 5 });
    expect(r.summary).toEqual({ learners: 2, attempts: 2, averageScore: 80, medianScore: 80, passed: 1, passRate: 50 });
    expect(r.distribution.filter((b) => b.count > 0).map((b) => [b.label, b.count])).toEqual([
      ["60–69 %", 1],
      ["90–100 %", 1],
    ]);
    const byType = Object.fromEntries(r.questions.map((q) => [q.type, q]));
    expect(byType.single).toMatchObject({ attempts: 2, correct: 2, correctRate: 100, commonWrong: null });
    expect(byType.multiple).toMatchObject({ attempts: 2, correct: 1, correctRate: 50, commonWrong: { answers: ["array"], count: 1 } });
    expect(byType.numeric).toMatchObject({ correct: 1, commonWrong: { answers: ["3"], count: 1 } });
    expect(r.attempts.map((a) => [a.learnerEmail, a.score, a.passed, a.counted]).sort()).toEqual(
      [
        [ace.email, 100, true, true],
        [stuck.email, 60, false, true],
      ].sort(),
    );
    expect(r.learners.find((l) => l.learnerId === stuck.id)).toMatchObject({ attemptsUsed: 1, attemptsAllowed: 1, extraAttempts: 0 });
  });

  it("streams every graded attempt as a CSV attachment with ?format=csv", async () => {
    const response = await owner.client.get(`${resultsPath()}?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    const lines = response.text.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^"?Learner"?,"?E-mail"?,"?Attempt"?,"?Score \(%\)"?/);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes(ace.email))).toMatch(/,100,.*yes/);
    expect(lines.find((l) => l.includes(stuck.email))).toMatch(/,60,.*no/);
  });

  it("refuses a bad query with 400, naming the parameter", async () => {
    for (const query of ["format=xml", "format=", "format=CSV"]) {
      const response = await owner.client.get(`${resultsPath()}?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.json<{ error: { fields?: Record<string, string> } }>().error.fields?.format, query).toBe("format is json or csv.");
    }
  });

  it("refuses a bad grant with 400 and a learner not enrolled with 404, writing nothing", async () => {
    for (const body of [{}, { learnerId: "" }, { learnerId: "a b" }, { learnerId: 42 }, { learnerId: [stuck.id] }, null]) {
      const response = await owner.client.post(grantPath(), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const outside = await owner.client.post(grantPath(), { learnerId: outsider.id });
    expect(outside.status).toBe(404);
    expect(outside.json<{ error: { message: string } }>().error.message).toMatch(/not enrolled/);
    const after = await results();
    expect(after.learners.find((l) => l.learnerId === outsider.id)).toBeUndefined();
    expect(after.learners.find((l) => l.learnerId === stuck.id)).toMatchObject({ extraAttempts: 0, attemptsAllowed: 1 });
    expect((await stuck.client.post(attemptsPath(course))).status).toBe(409);
  });

  it("grants one more attempt: the learner who used their only one starts again and can pass", async () => {
    // Used up: a new attempt is a 409 that says so.
    const refused = await stuck.client.post(attemptsPath(course));
    expect(refused.status).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/all 1 attempt/);

    const before = (await results()).learners.find((l) => l.learnerId === stuck.id)!;
    const granted = await owner.client.post(grantPath(), { learnerId: stuck.id });
    expect(granted.status).toBe(200);
    expect(granted.json()).toEqual({
      granted: {
        learnerId: stuck.id,
        extraAttempts: before.extraAttempts + 1,
        attemptsAllowed: 1 + before.extraAttempts + 1,
        attemptsUsed: 1,
      },
    });

    const retry = await takeQuiz(stuck.client, course);
    expect(retry.attempt).toMatchObject({ number: 2, score: 100, passed: true });
    expect(retry.progress.completed).toBe(true);

    const r = await results();
    expect(r.summary).toMatchObject({ learners: 2, attempts: 3, passed: 2, passRate: 100, averageScore: 100 });
    const stuckAttempts = r.attempts.filter((a) => a.learnerId === stuck.id).sort((a, b) => a.number - b.number);
    expect(stuckAttempts.map((a) => [a.number, a.score, a.counted])).toEqual([
      [1, 60, false],
      [2, 100, true],
    ]);
    // And no attempt after that: the grant was one.
    expect((await stuck.client.post(attemptsPath(course))).status).toBe(409);
  });

  it("is not for learners, even one taking the quiz", async () => {
    for (const path of [resultsPath(), `${resultsPath()}?format=csv`]) {
      expect((await ace.client.get(path)).status, path).toBe(403);
    }
    expect((await ace.client.post(grantPath(), { learnerId: ace.id })).status).toBe(403);
  });
});
