import { beforeAll, describe, expect, it } from "vitest";
import { newAccount, type Account } from "../helpers/api-client";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/** The quiz authoring API over HTTP against the built app. */

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
