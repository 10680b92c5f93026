import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courseWithQuiz, outcomeOf } from "../../../tests/helpers/quiz-authoring-db";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { setCoursePublished } from "@/lib/courses/manage-course";
import { createLesson, getLessonForEditor, updateLesson } from "@/lib/curriculum/manage-lessons";
import { createModule } from "@/lib/curriculum/manage-modules";
import { db } from "@/lib/db/client";
import { courses, lessons, quizzes } from "@/lib/db/schema";
import { createLessonSchema, updateLessonSchema } from "@/lib/validation/course";
import { DEFAULT_QUIZ_SETTINGS } from "@/lib/validation/quiz";
import { createQuestion } from "./manage-questions";
import { getQuizForEditor, updateQuizSettings } from "./manage-quiz";

withTestDatabase();

describe("lesson kinds", () => {
  it("makes a lesson by default, and a quiz with its default settings in the same write", async () => {
    const { quiz, plain, course } = await courseWithQuiz();
    const kinds = await db.select({ id: lessons.id, kind: lessons.kind }).from(lessons);
    expect(Object.fromEntries(kinds.map((k) => [k.id, k.kind]))).toEqual({ [plain.lessonId]: "lesson", [quiz.lessonId]: "quiz" });
    const rows = await db.select().from(quizzes);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ lessonId: quiz.lessonId, ...DEFAULT_QUIZ_SETTINGS });
    // A quiz is a lesson of the course like any other: it counts.
    expect((await db.select({ n: courses.totalLessons }).from(courses).where(eq(courses.id, course.id)))[0]!.n).toBe(2);
  });

  it("reads the kind in the API's schemas: lesson by default, quiz, assignment, never changed by PATCH", () => {
    expect(createLessonSchema.parse({ title: "T" }).kind).toBe("lesson");
    expect(createLessonSchema.parse({ title: "T", kind: "quiz" }).kind).toBe("quiz");
    expect(createLessonSchema.parse({ title: "T", kind: "assignment" }).kind).toBe("assignment");
    expect(createLessonSchema.safeParse({ title: "T", kind: "video" }).error!.issues[0]!.message).toBe(
      "kind is lesson, quiz or assignment.",
    );
    const change = updateLessonSchema.safeParse({ kind: "lesson" });
    expect(change.error!.issues[0]).toMatchObject({ path: ["kind"], message: expect.stringMatching(/kind cannot change/) });
  });

  it("keeps a quiz's introduction text like a lesson's content", async () => {
    const { owner, quiz } = await courseWithQuiz();
    await updateLesson(owner, quiz.courseId, quiz.moduleId, quiz.lessonId, { content: "Read **chapter 2** first." });
    const lesson = await getLessonForEditor(owner, quiz.courseId, quiz.moduleId, quiz.lessonId);
    expect(lesson).toMatchObject({ kind: "quiz", content: "Read **chapter 2** first." });
  });
});

describe("quiz settings and the editor's data", () => {
  it("answers the settings and the questions in order, with their answers", async () => {
    const { owner, quiz } = await courseWithQuiz();
    await createQuestion(owner, quiz, { type: "true_false", prompt: "Water is wet.", points: 1, correct: true });
    await createQuestion(owner, quiz, { type: "numeric", prompt: "2 + 2?", points: 2, answer: 4, tolerance: 0 });
    const data = await getQuizForEditor(owner, quiz);
    expect(data).toMatchObject({ lessonId: quiz.lessonId, title: "Checkpoint", settings: DEFAULT_QUIZ_SETTINGS });
    expect(data.questions.map((q) => ({ ...q, id: undefined }))).toEqual([
      { id: undefined, type: "true_false", prompt: "Water is wet.", points: 1, explanation: null, correct: true },
      { id: undefined, type: "numeric", prompt: "2 + 2?", points: 2, explanation: null, answer: 4, tolerance: 0 },
    ]);
  });

  it("changes only the settings sent and answers all of them", async () => {
    const { owner, quiz } = await courseWithQuiz();
    expect(await updateQuizSettings(owner, quiz, { passingScore: 80, timeLimitMinutes: 15 })).toEqual({
      ...DEFAULT_QUIZ_SETTINGS,
      passingScore: 80,
      timeLimitMinutes: 15,
    });
    const changed = await updateQuizSettings(owner, quiz, { maxAttempts: 3, showAnswers: "never", shuffleOptions: true });
    expect(changed).toEqual({
      ...DEFAULT_QUIZ_SETTINGS,
      passingScore: 80,
      timeLimitMinutes: 15,
      maxAttempts: 3,
      showAnswers: "never",
      shuffleOptions: true,
    });
    // null lifts a limit again.
    expect(await updateQuizSettings(owner, quiz, { maxAttempts: null, timeLimitMinutes: null })).toMatchObject({
      maxAttempts: null,
      timeLimitMinutes: null,
    });
    expect((await getQuizForEditor(owner, quiz)).settings).toMatchObject({ passingScore: 80, showAnswers: "never" });
  });

  it("gives a quiz whose settings row is missing (written by hand) the defaults, and writes one on the first change", async () => {
    const { owner, quiz } = await courseWithQuiz();
    await db.delete(quizzes).where(eq(quizzes.lessonId, quiz.lessonId));
    expect((await getQuizForEditor(owner, quiz)).settings).toEqual(DEFAULT_QUIZ_SETTINGS);
    await updateQuizSettings(owner, quiz, { passingScore: 50 });
    expect(await db.select({ p: quizzes.passingScore }).from(quizzes)).toEqual([{ p: 50 }]);
  });

  it("is a 404 on a lesson that is not a quiz, and on a quiz through another module or course", async () => {
    const { owner, quiz, plain } = await courseWithQuiz();
    const other = await courseWithQuiz(owner);
    const notQuiz = await outcomeOf(getQuizForEditor(owner, plain));
    expect(notQuiz).toMatchObject({ status: 404, error: { userMessage: "This lesson is not a quiz." } });
    expect((await outcomeOf(updateQuizSettings(owner, plain, { passingScore: 10 }))).status).toBe(404);
    expect((await outcomeOf(getQuizForEditor(owner, { ...quiz, moduleId: other.module.id }))).status).toBe(404);
    expect((await outcomeOf(getQuizForEditor(owner, { ...quiz, courseId: other.course.id }))).status).toBe(404);
  });

  it("is for the course's editors: 401 signed out, 403 for a learner, 404 then 403 for another instructor, admins may", async () => {
    const { owner, quiz } = await courseWithQuiz();
    await createQuestion(owner, quiz, { type: "true_false", prompt: "Ready?", points: 1, correct: true });
    const learner = await insertUser({ role: "LEARNER" });
    const stranger = await insertUser({ role: "INSTRUCTOR" });
    const admin = await insertUser({ role: "ADMIN" });
    const read = (viewer: Parameters<typeof getQuizForEditor>[0]) => outcomeOf(getQuizForEditor(viewer, quiz));
    const write = (viewer: Parameters<typeof getQuizForEditor>[0]) => outcomeOf(updateQuizSettings(viewer, quiz, { passingScore: 1 }));
    expect([(await read(null)).status, (await read(learner)).status, (await read(stranger)).status]).toEqual([401, 403, 404]);
    expect([(await write(null)).status, (await write(learner)).status, (await write(stranger)).status]).toEqual([401, 403, 404]);
    await setCoursePublished(owner, quiz.courseId, true);
    expect([(await read(stranger)).status, (await write(stranger)).status]).toEqual([403, 403]);
    expect([(await read(admin)).status, (await write(admin)).status]).toEqual([200, 200]);
    expect((await getQuizForEditor(owner, quiz)).settings.passingScore).toBe(1);
  });

  it("creates the quiz row only for quizzes", async () => {
    const owner = await insertUser({ role: "INSTRUCTOR" });
    const { course } = await courseWithQuiz(owner);
    const mod = await createModule(owner, course.id, { title: "Week 2" });
    await createLesson(owner, course.id, mod.id, { title: "Plain", kind: "lesson" });
    expect(await db.select().from(quizzes)).toHaveLength(1);
  });
});
