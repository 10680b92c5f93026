import { describe, expect, it } from "vitest";
import { assignmentCourse, enrolledLearner } from "../../../tests/helpers/assignment-db";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { gradeSubmission } from "@/lib/assignments/grading";
import { submitAssignment } from "@/lib/assignments/submissions";
import { db } from "@/lib/db/client";
import { lessons, quizAttempts, quizzes } from "@/lib/db/schema";
import { enrollmentOf } from "../../../tests/helpers/quiz-taking-db";
import { courseAssignments } from "./course-assignments";
import { exportGradebook, getGradebook } from "./gradebook";
import { resolveRange } from "./range";

withTestDatabase();

async function csvText(download: { body: ReadableStream<Uint8Array> }) {
  return new Response(download.body).text();
}

describe("the gradebook and the assignment figures", () => {
  it("hold a row per learner and a column per quiz and assignment, and the CSV says the same", async () => {
    const f = await assignmentCourse({ maxPoints: 20, passingPoints: 10 });
    const [quizLesson] = await db
      .insert(lessons)
      .values({ moduleId: f.moduleId, title: "Check", kind: "quiz", ord: 2 })
      .returning({ id: lessons.id });
    await db.insert(quizzes).values({ lessonId: quizLesson!.id });
    const ada = await enrolledLearner(f.courseId);
    const bob = await enrolledLearner(f.courseId);
    const cy = await enrolledLearner(f.courseId);
    // Ada: two quiz attempts (the best counts) and a passing grade; Bob: a failing grade, handed in late; Cy: waiting.
    const adaEnrollment = await enrollmentOf(f.courseId, ada.id);
    await db.insert(quizAttempts).values([
      {
        lessonId: quizLesson!.id,
        enrollmentId: adaEnrollment.id,
        number: 1,
        questionOrder: [],
        submittedAt: new Date(),
        score: 40,
        passed: false,
      },
      {
        lessonId: quizLesson!.id,
        enrollmentId: adaEnrollment.id,
        number: 2,
        questionOrder: [],
        submittedAt: new Date(),
        score: 90,
        passed: true,
      },
    ]);
    const a = await submitAssignment(ada, f.courseId, f.lessonId, { text: "A", uploadIds: [] });
    await gradeSubmission(f.instructor, f.courseId, a.submission.id, { points: 18, feedback: "", returnForRevision: false });
    const b = await submitAssignment(bob, f.courseId, f.lessonId, { text: "B", uploadIds: [] });
    await gradeSubmission(f.instructor, f.courseId, b.submission.id, { points: 5, feedback: "", returnForRevision: false });
    await submitAssignment(cy, f.courseId, f.lessonId, { text: "C", uploadIds: [] });

    const book = await getGradebook(f.instructor, f.courseId);
    expect(book.columns.map((c) => [c.title, c.kind, c.maxPoints])).toEqual([
      ["Essay", "assignment", 20],
      ["Check", "quiz", null],
    ]);
    const byEmail = Object.fromEntries(book.rows.map((r) => [r.email, r]));
    expect(byEmail[ada.email]!.cells).toEqual({
      [f.lessonId]: { score: 18, passed: true, status: "graded" },
      [quizLesson!.id]: { score: 90, passed: true, status: null },
    });
    expect(byEmail[bob.email]!.cells[f.lessonId]).toEqual({ score: 5, passed: false, status: "graded" });
    expect(byEmail[cy.email]!.cells[f.lessonId]).toMatchObject({ score: null, status: "submitted" });
    expect(book.rows).toHaveLength(3);

    const csv = (await csvText(await exportGradebook(f.instructor, f.courseId))).trim().split("\r\n");
    expect(csv[0]).toBe('Name,Email,Progress (%),"Essay (assignment, points of 20)","Check (quiz, best %)"');
    const lineOf = (email: string) =>
      csv
        .find((l) => l.includes(email))!
        .split(",")
        .slice(3);
    expect(lineOf(ada.email)).toEqual(["18", "90"]);
    expect(lineOf(bob.email)).toEqual(["5", ""]);
    expect(lineOf(cy.email)).toEqual(["", ""]);

    const range = resolveRange({ range: "all", bucket: "day" }, new Date(), null);
    expect(await courseAssignments(f.courseId, range)).toEqual([
      expect.objectContaining({ title: "Essay", submitted: 3, graded: 2, waiting: 1, late: 0, passed: 1, averagePoints: 11.5 }),
    ]);
    const [line] = await courseAssignments(f.courseId, range);
    expect(line!.distribution.filter((b) => b.count > 0).map((b) => [b.label, b.count])).toEqual([
      ["20–29 %", 1],
      ["90–100 %", 1],
    ]);

    expect((await refusal(getGradebook(await insertUser({ role: "INSTRUCTOR" }), f.courseId))).code).toBe("FORBIDDEN");
    expect((await refusal(getGradebook(ada, f.courseId))).code).toBe("FORBIDDEN");
  });
});
