import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courseWithQuiz, outcomeOf } from "../../../tests/helpers/quiz-authoring-db";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { setCoursePublished } from "@/lib/courses/manage-course";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { createModule } from "@/lib/curriculum/manage-modules";
import { db } from "@/lib/db/client";
import { courses } from "@/lib/db/schema";
import { createQuestionSchema } from "@/lib/validation/quiz";
import { createQuestion, updateQuestion } from "./manage-questions";
import { getQuizProblems } from "./quiz-readiness";

withTestDatabase();

const options = (correct: [boolean, boolean]) => [
  { text: "A", correct: correct[0] },
  { text: "B", correct: correct[1] },
];
const choice = (type: "single" | "multiple", prompt: string, correct: [boolean, boolean]) =>
  createQuestionSchema.parse({ type, prompt, options: options(correct) });

const isPublished = async (courseId: string) =>
  (await db.select({ p: courses.isPublished }).from(courses).where(eq(courses.id, courseId)))[0]!.p;

describe("publishing a course with quizzes", () => {
  it("lists each quiz without questions and each choice question without a correct option, in curriculum order", async () => {
    const { owner, course, quiz } = await courseWithQuiz();
    const week2 = await createModule(owner, course.id, { title: "Week 2" });
    const final = await createLesson(owner, course.id, week2.id, { title: "Final", kind: "quiz" });
    await createQuestion(owner, quiz, choice("single", "Fine", [true, false]));
    await createQuestion(owner, quiz, choice("single", "No answer", [false, false]));
    await createQuestion(owner, quiz, createQuestionSchema.parse({ type: "true_false", prompt: "TF", correct: false }));
    await createQuestion(owner, quiz, choice("multiple", "None right", [false, false]));
    expect(await getQuizProblems(owner, course.id)).toEqual([
      {
        moduleId: quiz.moduleId,
        lessonId: quiz.lessonId,
        lessonTitle: "Checkpoint",
        questionNumber: 2,
        questionId: expect.any(String),
        message: 'Quiz "Checkpoint", question 2: mark the correct option.',
      },
      expect.objectContaining({
        lessonId: quiz.lessonId,
        questionNumber: 4,
        message: 'Quiz "Checkpoint", question 4: mark the correct option.',
      }),
      {
        moduleId: week2.id,
        lessonId: final.id,
        lessonTitle: "Final",
        questionNumber: null,
        questionId: null,
        message: 'Quiz "Final" has no questions.',
      },
    ]);
  });

  it("refuses to publish naming the quizzes and questions, then publishes once they are fixed", async () => {
    const owner = await insertUser({ role: "INSTRUCTOR" });
    const { course, quiz } = await courseWithQuiz(owner);
    const empty = await outcomeOf(setCoursePublished(owner, course.id, true));
    expect(empty.status).toBe(400);
    expect(empty.error!.userMessage).toBe('To publish, fix the quizzes first: Quiz "Checkpoint" has no questions.');
    expect(empty.error!.options.fields).toEqual({ quizzes: 'Quiz "Checkpoint" has no questions.' });

    const q = await createQuestion(owner, quiz, choice("multiple", "Which?", [false, false]));
    const noAnswer = await outcomeOf(setCoursePublished(owner, course.id, true));
    expect(noAnswer.error!.userMessage).toBe('To publish, fix the quizzes first: Quiz "Checkpoint", question 1: mark the correct option.');
    expect(await isPublished(course.id)).toBe(false);

    await updateQuestion(owner, quiz, q.id, { options: options([false, true]) });
    expect(await getQuizProblems(owner, course.id)).toEqual([]);
    expect((await setCoursePublished(owner, course.id, true)).isPublished).toBe(true);
    // Unpublishing is never refused for the quizzes.
    await updateQuestion(owner, quiz, q.id, { options: options([false, false]) });
    expect((await setCoursePublished(owner, course.id, false)).isPublished).toBe(false);
  });

  it("names the course's missing fields and its quizzes in one refusal", async () => {
    const owner = await insertUser({ role: "INSTRUCTOR" });
    const { course } = await courseWithQuiz(owner);
    await db.update(courses).set({ description: null }).where(eq(courses.id, course.id));
    const refused = await outcomeOf(setCoursePublished(owner, course.id, true));
    expect(refused.error!.userMessage).toBe(
      'To publish, the course needs a description. Its quizzes need work too: Quiz "Checkpoint" has no questions.',
    );
    expect(Object.keys(refused.error!.options.fields!).sort()).toEqual(["description", "quizzes"]);
  });

  it("shows the list to the course's editors only", async () => {
    const { course } = await courseWithQuiz();
    const stranger = await insertUser({ role: "INSTRUCTOR" });
    const learner = await insertUser({ role: "LEARNER" });
    const admin = await insertUser({ role: "ADMIN" });
    expect((await outcomeOf(getQuizProblems(stranger, course.id))).status).toBe(404);
    expect((await outcomeOf(getQuizProblems(learner, course.id))).status).toBe(403);
    expect(await getQuizProblems(admin, course.id)).toHaveLength(1);
  });
});
