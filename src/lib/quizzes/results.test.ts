import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import {
  insertEnrollment,
  insertGradedAttempt,
  insertOpenAttempt,
  insertQuizCourse,
  RIGHT,
} from "../../../tests/helpers/quiz-results-fixtures";
import { db } from "@/lib/db/client";
import { lessons, quizExtraAttempts, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { grantExtraAttempt } from "./extra-attempts";
import { getQuizResults } from "./results";
import { exportQuizResults } from "./results-csv";

withTestDatabase();

async function people() {
  const [instructor, other, admin, a, b, c, d] = await Promise.all([
    insertUser({ role: "INSTRUCTOR" }),
    insertUser({ role: "INSTRUCTOR" }),
    insertUser({ role: "ADMIN" }),
    insertUser(),
    insertUser(),
    insertUser(),
    insertUser(),
  ]);
  return { instructor: instructor!, other: other!, admin: admin!, a: a!, b: b!, c: c!, d: d! };
}

/**
 * Four learners on the five-question quiz (6 points: the numeric question is worth 2), passing at 70 %:
 * - A: 66.67 (Mars, only "2", right, "paris ", "3,5"), then 100: best 100, passed;
 * - B: 0 (Venus, "2" and "4", False, " LONDON", "4");
 * - C: 33.33 (Mars, right, right, "london", " 4,0");
 * - D: 16.67 (only the first question answered, right), and a second attempt still open.
 */
async function fourLearners() {
  const p = await people();
  const quiz = await insertQuizCourse(p.instructor.id);
  const e = {
    a: await insertEnrollment(quiz.courseId, p.a.id),
    b: await insertEnrollment(quiz.courseId, p.b.id),
    c: await insertEnrollment(quiz.courseId, p.c.id),
    d: await insertEnrollment(quiz.courseId, p.d.id),
  };
  const a1 = await insertGradedAttempt(quiz, e.a, {
    ...RIGHT,
    0: { optionId: "a" },
    1: { optionIds: ["two"] },
    3: { text: "paris " },
    4: { value: "3,5" },
  });
  const a2 = await insertGradedAttempt(quiz, e.a, RIGHT, { number: 2, seconds: 95 });
  const b1 = await insertGradedAttempt(quiz, e.b, {
    0: { optionId: "c" },
    1: { optionIds: ["two", "four"] },
    2: { optionId: "false" },
    3: { text: " LONDON" },
    4: { value: "4" },
  });
  const c1 = await insertGradedAttempt(quiz, e.c, { ...RIGHT, 0: { optionId: "a" }, 3: { text: "london" }, 4: { value: " 4,0" } });
  const d1 = await insertGradedAttempt(quiz, e.d, { 0: { optionId: "b" } });
  await insertOpenAttempt(quiz, e.d, 2);
  return { ...p, quiz, e, scores: { a1, a2, b1, c1, d1 } };
}

describe("quiz results", () => {
  it("grades the fixture's attempts as the server would (the figures below rest on these scores)", async () => {
    const { scores } = await fourLearners();
    expect([scores.a1.score, scores.a2.score, scores.b1.score, scores.c1.score, scores.d1.score]).toEqual([66.67, 100, 0, 33.33, 16.67]);
    expect([scores.a1.passed, scores.a2.passed]).toEqual([false, true]);
  });

  it("counts each learner's best graded attempt: average, median, pass rate and the distribution", async () => {
    const f = await fourLearners();
    const r = await getQuizResults(f.instructor, f.quiz.courseId, f.quiz.lessonId);
    expect(r.countRule).toBe("best");
    expect(r.quiz).toMatchObject({
      title: "Check your understanding",
      passingScore: 70,
      maxAttempts: null,
      questions: 5,
      pointsPossible: 6,
    });
    // Best scores 100, 0, 33.33, 16.67: mean 37.5; median between 16.67 and 33.33; one of four passed.
    expect(r.summary).toEqual({ learners: 4, attempts: 5, averageScore: 37.5, medianScore: 25, passed: 1, passRate: 25 });
    expect(r.distribution.map((b) => b.label)).toEqual([
      "0–9 %",
      "10–19 %",
      "20–29 %",
      "30–39 %",
      "40–49 %",
      "50–59 %",
      "60–69 %",
      "70–79 %",
      "80–89 %",
      "90–100 %",
    ]);
    // A's 66.67 is not counted (their 100 is): 0 → first band, 16.67 → second, 33.33 → fourth, 100 → last.
    expect(r.distribution.map((b) => b.count)).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it("analyses each question over the counted attempts: share right, and the most common wrong answer with ties", async () => {
    const f = await fourLearners();
    const { questions } = await getQuizResults(f.instructor, f.quiz.courseId, f.quiz.lessonId);
    const view = questions.map((q) => [q.position, q.type, q.attempts, q.correct, q.correctRate, q.unanswered, q.commonWrong]);
    expect(view).toEqual([
      // A's first attempt chose Mars too, but it is not counted: Mars (C) and Venus (B) tie, in the options' order.
      [1, "single", 4, 2, 50, 0, { answers: ["Mars", "Venus"], count: 1 }],
      // B chose 2 and 4: 2 is a right option, so the wrong one is 4.
      [2, "multiple", 4, 2, 50, 1, { answers: ["4"], count: 1 }],
      [3, "true_false", 4, 2, 50, 1, { answers: ["False"], count: 1 }],
      // " LONDON" and "london" are one answer once normalised as grading compares them.
      [4, "short_text", 4, 1, 25, 1, { answers: ["london"], count: 2 }],
      // "4" and " 4,0" are the same number.
      [5, "numeric", 4, 1, 25, 1, { answers: ["4"], count: 2 }],
    ]);
    expect(questions[0]!.prompt).toBe("Which planet is largest?");
  });

  it("lists every graded attempt, newest first, marking the counted ones, and the learners with their attempts", async () => {
    const f = await fourLearners();
    const r = await getQuizResults(f.instructor, f.quiz.courseId, f.quiz.lessonId);
    expect(r.attempts.map((a) => [a.learnerId, a.number, a.score, a.passed, a.counted])).toEqual([
      [f.d.id, 1, 16.67, false, true],
      [f.c.id, 1, 33.33, false, true],
      [f.b.id, 1, 0, false, true],
      [f.a.id, 2, 100, true, true],
      [f.a.id, 1, 66.67, false, false],
    ]);
    expect(r.attempts[3]).toMatchObject({ seconds: 95, pointsEarned: 6, pointsPossible: 6 });
    expect(r.learnersTotal).toBe(4);
    const d = r.learners.find((l) => l.learnerId === f.d.id)!;
    expect(d).toMatchObject({ attemptsUsed: 2, bestScore: 16.67, passed: false, extraAttempts: 0, attemptsAllowed: null });
    expect(r.learners.find((l) => l.learnerId === f.a.id)).toMatchObject({ attemptsUsed: 2, bestScore: 100, passed: true });
  });

  it("has no figures yet when nobody has submitted, only an open attempt", async () => {
    const p = await people();
    const quiz = await insertQuizCourse(p.instructor.id);
    await insertOpenAttempt(quiz, await insertEnrollment(quiz.courseId, p.a.id), 1);
    const r = await getQuizResults(p.admin, quiz.courseId, quiz.lessonId);
    expect(r.summary).toEqual({ learners: 0, attempts: 0, averageScore: null, medianScore: null, passed: 0, passRate: null });
    expect(r.distribution.every((b) => b.count === 0)).toBe(true);
    expect(r.questions.map((q) => [q.attempts, q.correctRate, q.commonWrong])).toEqual(Array(5).fill([0, null, null]));
    expect(r.attempts).toEqual([]);
    expect(r.learners.map((l) => [l.learnerId, l.attemptsUsed, l.bestScore])).toEqual([[p.a.id, 1, null]]);
  });

  it("puts exactly 70 % in the 70–79 % band, and passes it at a passing score of 70", async () => {
    const p = await people();
    const tenTrueFalse = Array.from({ length: 10 }, (_, i) => ({
      type: "true_false" as const,
      prompt: `Statement ${i + 1}`,
      options: [
        { id: "true", text: "True", correct: true },
        { id: "false", text: "False", correct: false },
      ],
    }));
    const quiz = await insertQuizCourse(p.instructor.id, { questions: tenTrueFalse });
    const answers = (right: number) =>
      Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, { optionId: i < right ? "true" : "false" }]));
    const seventy = await insertGradedAttempt(quiz, await insertEnrollment(quiz.courseId, p.a.id), answers(7));
    const sixty = await insertGradedAttempt(quiz, await insertEnrollment(quiz.courseId, p.b.id), answers(6));
    const all = await insertGradedAttempt(quiz, await insertEnrollment(quiz.courseId, p.c.id), answers(10));
    const ninety = await insertGradedAttempt(quiz, await insertEnrollment(quiz.courseId, p.d.id), answers(9));
    expect([seventy.score, seventy.passed, sixty.score, sixty.passed, all.score, ninety.score]).toEqual([70, true, 60, false, 100, 90]);
    const r = await getQuizResults(p.instructor, quiz.courseId, quiz.lessonId);
    expect(r.distribution.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0, 2]);
    expect(r.summary).toMatchObject({ learners: 4, averageScore: 80, medianScore: 80, passed: 3, passRate: 75 });
  });

  it("keeps the first of two equal best attempts as the counted one", async () => {
    const p = await people();
    const quiz = await insertQuizCourse(p.instructor.id);
    const e = await insertEnrollment(quiz.courseId, p.a.id);
    const first = await insertGradedAttempt(quiz, e, { ...RIGHT, 3: { text: "Lyon" } });
    const second = await insertGradedAttempt(quiz, e, { ...RIGHT, 3: { text: "Marseille" } }, { number: 2 });
    expect(first.score).toBe(second.score);
    const r = await getQuizResults(p.instructor, quiz.courseId, quiz.lessonId);
    expect(r.attempts.find((a) => a.counted)?.attemptId).toBe(first.attemptId);
    expect(r.questions[3]!.commonWrong).toEqual({ answers: ["lyon"], count: 1 });
  });

  it("is for the course's editors: 404 for what they cannot see, 403 for a published course of another instructor", async () => {
    const f = await fourLearners();
    const code = (p: Promise<unknown>) => p.then(() => "ok").catch((e: unknown) => (AppError.is(e) ? e.code : String(e)));
    expect(await code(getQuizResults(f.other, f.quiz.courseId, f.quiz.lessonId))).toBe("FORBIDDEN");
    expect(await code(getQuizResults(f.a, f.quiz.courseId, f.quiz.lessonId))).toBe("FORBIDDEN");
    expect(await code(getQuizResults(null, f.quiz.courseId, f.quiz.lessonId))).toBe("UNAUTHORIZED");
    expect(await code(getQuizResults(f.admin, f.quiz.courseId, f.quiz.lessonId))).toBe("ok");
    const draft = await insertQuizCourse(f.instructor.id, { published: false });
    expect(await code(getQuizResults(f.other, draft.courseId, draft.lessonId))).toBe("NOT_FOUND");
    // A quiz of another course through this one, and a plain lesson, are not quizzes of this course.
    expect(await code(getQuizResults(f.instructor, f.quiz.courseId, draft.lessonId))).toBe("NOT_FOUND");
    const [reading] = await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, f.quiz.moduleId));
    expect(await code(getQuizResults(f.instructor, f.quiz.courseId, reading!.id))).toBe("NOT_FOUND");
    expect(await code(exportQuizResults(f.other, f.quiz.courseId, f.quiz.lessonId))).toBe("FORBIDDEN");
    expect(await code(grantExtraAttempt(f.other, f.quiz.courseId, f.quiz.lessonId, f.a.id))).toBe("FORBIDDEN");
    expect(await code(grantExtraAttempt(f.a, f.quiz.courseId, f.quiz.lessonId, f.a.id))).toBe("FORBIDDEN");
  });
});

async function csvText(download: { body: ReadableStream<Uint8Array> }) {
  return new Response(download.body).text();
}

describe("quiz results as CSV", () => {
  it("has every graded attempt once, oldest first, across batches, with formulas in names defused", async () => {
    const f = await fourLearners();
    await db.update(users).set({ name: '=HYPERLINK("http://evil.test","x")' }).where(eq(users.id, f.b.id));
    const download = await exportQuizResults(f.instructor, f.quiz.courseId, f.quiz.lessonId, new Date("2026-03-18T00:00:00Z"), 2);
    expect(download.fileName).toBe("quiz-course-check-your-understanding-results-2026-03-18.csv");
    const lines = (await csvText(download)).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "Learner,E-mail,Attempt,Score (%),Points,Points possible,Passed,Started at,Submitted at,Time taken (s),Counted in the figures",
    );
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(5);
    expect(rows.map((l) => l.split(",").slice(-9, -8)[0])).toEqual(["1", "2", "1", "1", "1"]);
    expect(rows[0]).toMatch(/,1,66\.67,4,6,no,2026-03-01T12:\d\d:00\.000Z,2026-03-01T12:\d\d:00\.000Z,120,no$/);
    expect(rows[2]!.startsWith(`"'=HYPERLINK(""http://evil.test"",""x"")",`)).toBe(true);
  });

  it("is only the header when nobody has submitted", async () => {
    const p = await people();
    const quiz = await insertQuizCourse(p.instructor.id);
    const text = await csvText(await exportQuizResults(p.instructor, quiz.courseId, quiz.lessonId));
    expect(text.split("\r\n")).toHaveLength(2);
  });
});

describe("granting one more attempt", () => {
  it("adds one each time for an enrolled learner, and counts it in the allowance of a limited quiz", async () => {
    const p = await people();
    const quiz = await insertQuizCourse(p.instructor.id, { maxAttempts: 2 });
    const e = await insertEnrollment(quiz.courseId, p.a.id);
    await insertGradedAttempt(quiz, e, {});
    await insertGradedAttempt(quiz, e, {}, { number: 2 });
    expect(await grantExtraAttempt(p.instructor, quiz.courseId, quiz.lessonId, p.a.id)).toEqual({
      learnerId: p.a.id,
      extraAttempts: 1,
      attemptsAllowed: 3,
      attemptsUsed: 2,
    });
    expect(await grantExtraAttempt(p.admin, quiz.courseId, quiz.lessonId, p.a.id)).toMatchObject({ extraAttempts: 2, attemptsAllowed: 4 });
    const [row] = await db.select().from(quizExtraAttempts).where(eq(quizExtraAttempts.enrollmentId, e));
    expect(row).toMatchObject({ extra: 2, grantedBy: p.admin.id });
    const r = await getQuizResults(p.instructor, quiz.courseId, quiz.lessonId);
    expect(r.learners[0]).toMatchObject({ learnerId: p.a.id, attemptsUsed: 2, extraAttempts: 2, attemptsAllowed: 4 });
  });

  it("refuses a learner who is not enrolled with a 404 and writes nothing", async () => {
    const p = await people();
    const quiz = await insertQuizCourse(p.instructor.id);
    const other = await insertQuizCourse(p.instructor.id, { title: "Another" });
    await insertEnrollment(other.courseId, p.b.id);
    for (const learnerId of [p.b.id, "no-such-user"]) {
      const error = await grantExtraAttempt(p.instructor, quiz.courseId, quiz.lessonId, learnerId).catch((e: unknown) => e);
      expect(AppError.is(error) && error.code).toBe("NOT_FOUND");
      expect((error as Error).message).toBe("This learner is not enrolled in this course.");
    }
    expect(await db.$count(quizExtraAttempts)).toBe(0);
  });
});
