import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { query } from "../../../tests/helpers/analytics-fixture";
import { insertEnrollment, insertGradedAttempt, insertQuizCourse, RIGHT } from "../../../tests/helpers/quiz-results-fixtures";
import { db } from "@/lib/db/client";
import { lessons, quizzes } from "@/lib/db/schema";
import { getCourseAnalytics } from "./get-course-analytics";
import { analyticsChanged } from "./shared-figures";

withTestDatabase();

describe("course analytics: quizzes", () => {
  it("gives the average quiz score over each learner's best attempt per quiz, and a line per quiz in course order", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const [a, b, c] = await Promise.all([insertUser(), insertUser(), insertUser()]);
    const quiz = await insertQuizCourse(instructor.id);
    // A second quiz in the same module, after the first, that nobody has taken.
    const [later] = await db
      .insert(lessons)
      .values({ moduleId: quiz.moduleId, title: "Final quiz", ord: 5, kind: "quiz" })
      .returning({ id: lessons.id });
    await db.insert(quizzes).values({ lessonId: later!.id });
    const ea = await insertEnrollment(quiz.courseId, a.id);
    const eb = await insertEnrollment(quiz.courseId, b.id);
    await insertEnrollment(quiz.courseId, c.id);
    await insertGradedAttempt(quiz, ea, {}); // 0
    await insertGradedAttempt(quiz, ea, RIGHT, { number: 2 }); // 100, counted
    await insertGradedAttempt(quiz, eb, { ...RIGHT, 4: { value: 1 } }); // 66.67

    const { quizzes: figures } = await getCourseAnalytics(instructor, quiz.courseId, query("all"), new Date());
    expect(figures.averageScore).toBe(83.3);
    expect(figures.attempts).toBe(3);
    expect(figures.perQuiz).toEqual([
      {
        lessonId: quiz.lessonId,
        title: "Check your understanding",
        attempts: 3,
        learners: 2,
        passed: 1,
        averageScore: 83.3,
        passRate: 50,
      },
      { lessonId: later!.id, title: "Final quiz", attempts: 0, learners: 0, passed: 0, averageScore: null, passRate: null },
    ]);
  });

  it("has no average for a course without quizzes or without graded attempts", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const quiz = await insertQuizCourse(instructor.id);
    const { quizzes: figures } = await getCourseAnalytics(instructor, quiz.courseId, query("all"), new Date());
    expect(figures).toMatchObject({ averageScore: null, attempts: 0 });
    expect(figures.perQuiz).toHaveLength(1);
  });

  it("keeps the shared figures until a graded attempt drops them (analyticsChanged, which grading calls)", async () => {
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const learner = await insertUser();
    const quiz = await insertQuizCourse(instructor.id);
    const enrollment = await insertEnrollment(quiz.courseId, learner.id);
    const average = async () => (await getCourseAnalytics(instructor, quiz.courseId, query("all"))).quizzes.averageScore;
    expect(await average()).toBeNull();
    await insertGradedAttempt(quiz, enrollment, RIGHT);
    expect(await average()).toBeNull();
    analyticsChanged(quiz.courseId);
    expect(await average()).toBe(100);
  });
});
