import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import {
  enrolledLearner,
  enrollmentOf,
  QUESTIONS,
  quizCourse,
  RIGHT,
  TOTAL_POINTS,
  WRONG,
  type QuestionKey,
  type QuizFixture,
} from "../../../tests/helpers/quiz-taking-db";
import type { SignedInAccount } from "@/lib/users/session-user";
import { db } from "@/lib/db/client";
import { lessonProgress, quizAnswers, quizAttempts, quizExtraAttempts, quizQuestions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { getMyAttempt, listMyAttempts, startAttempt, submitAttempt } from "./attempts";
import { DEADLINE_GRACE_MS } from "./attempts-access";
import { saveAnswer } from "./attempts-answers";
import { previewQuiz } from "./attempts-preview";

withTestDatabase();

const start = (learner: SignedInAccount | null, f: QuizFixture) => startAttempt(learner, f.courseId, f.quizLessonId);
const save = (learner: SignedInAccount | null, f: QuizFixture, attemptId: string, questionId: string, answer: unknown) =>
  saveAnswer(learner, f.courseId, f.quizLessonId, attemptId, { questionId, answer } as Parameters<typeof saveAnswer>[4]);
const submit = (learner: SignedInAccount | null, f: QuizFixture, attemptId: string) =>
  submitAttempt(learner, f.courseId, f.quizLessonId, attemptId);

async function answerAll(learner: SignedInAccount, f: QuizFixture, attemptId: string, answers: Partial<Record<QuestionKey, unknown>>) {
  for (const [key, answer] of Object.entries(answers)) await save(learner, f, attemptId, f.q[key as QuestionKey], answer);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!AppError.is(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Everything that would tell an answer, as it may appear in a serialized answer to the learner. */
function revealing(json: string): string[] {
  const found: string[] = [];
  for (const word of [
    '"correct"',
    "acceptedAnswers",
    "accepted_answers",
    "tolerance",
    "numericAnswer",
    "numeric_answer",
    "explanation",
    "solution",
  ])
    if (json.includes(word)) found.push(word);
  for (const text of [...QUESTIONS.shortText.acceptedAnswers, ...Object.values(QUESTIONS).map((q) => q.explanation)])
    if (json.toLowerCase().includes(text.toLowerCase())) found.push(text);
  if (/3\.5\b/.test(json)) found.push("3.5");
  return found;
}

const answerRows = (attemptId: string) => db.select().from(quizAnswers).where(eq(quizAnswers.attemptId, attemptId));
const attemptRow = async (attemptId: string) => (await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)))[0]!;
const pastDeadline = (attemptId: string) =>
  db
    .update(quizAttempts)
    .set({ deadlineAt: new Date(Date.now() - DEADLINE_GRACE_MS - 60_000) })
    .where(eq(quizAttempts.id, attemptId));

describe("starting an attempt", () => {
  it("gives the questions in the attempt's order without anything that reveals an answer, and resumes the same attempt", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const started = await start(learner, f);
    expect(started.created).toBe(true);
    expect(started.attempt.status).toBe("open");
    expect(started.attempt.number).toBe(1);
    expect(started.attempt.deadlineAt).toBeNull();
    expect(started.attempt.questions.map((q) => q.id)).toEqual(Object.values(f.q));
    expect(started.attempt.questions[0]).toEqual({
      id: f.q.single,
      number: 1,
      type: "single",
      prompt: "Which planet is **red**?",
      // Rendered sanitized on the server: the player ships no markdown parser.
      promptHtml: "<p>Which planet is <strong>red</strong>?</p>",
      points: 2,
      options: [
        { id: "venus", text: "Venus" },
        { id: "mars", text: "Mars" },
        { id: "pluto", text: "Pluto" },
      ],
    });
    expect(started.attempt.questions.find((q) => q.type === "numeric")!.options).toEqual([]);
    expect(started.quiz).toMatchObject({
      questionCount: 5,
      totalPoints: TOTAL_POINTS,
      attemptsUsed: 1,
      attemptsAllowed: null,
      passed: false,
    });
    expect(revealing(JSON.stringify(started))).toEqual([]);

    await save(learner, f, started.attempt.id, f.q.single, RIGHT.single);
    const again = await start(learner, f);
    expect(again.created).toBe(false);
    expect(again.attempt.id).toBe(started.attempt.id);
    expect(again.attempt.answers).toEqual({ [f.q.single]: { optionId: "mars" } });
    expect(revealing(JSON.stringify(again))).toEqual([]);
  });

  it("shuffles questions and options once per attempt when the quiz says so, keeping True before False", async () => {
    const f = await quizCourse({ shuffleQuestions: true, shuffleOptions: true });
    const orders = new Set<string>();
    const optionOrders = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const learner = await enrolledLearner(f.courseId);
      const { attempt } = await start(learner, f);
      expect([...attempt.questions.map((q) => q.id)].sort()).toEqual(Object.values(f.q).sort());
      expect(attempt.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
      expect(attempt.questions.find((q) => q.type === "true_false")!.options.map((o) => o.id)).toEqual(["true", "false"]);
      orders.add(attempt.questions.map((q) => q.id).join());
      optionOrders.add(
        attempt.questions
          .find((q) => q.type === "multiple")!
          .options.map((o) => o.id)
          .join(),
      );
      // The order is the attempt's own: resuming gives it again.
      const resumed = await getMyAttempt(learner, f.courseId, f.quizLessonId, attempt.id);
      expect(resumed.attempt.questions).toEqual(attempt.questions);
    }
    // 12 attempts in one order would happen once in 120^11 (questions) or 24^11 (options).
    expect(orders.size).toBeGreaterThan(1);
    expect(optionOrders.size).toBeGreaterThan(1);
  });

  it("sets the deadline from the time limit", async () => {
    const f = await quizCourse({ timeLimitMinutes: 10 });
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    const span = new Date(attempt.deadlineAt!).getTime() - new Date(attempt.startedAt).getTime();
    expect(span).toBe(10 * 60_000);
  });

  it("makes one attempt of two starts at once", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const [a, b] = await Promise.all([start(learner, f), start(learner, f)]);
    expect(a.attempt.id).toBe(b.attempt.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.select().from(quizAttempts)).toHaveLength(1);
  });

  it("refuses past maxAttempts with 409 saying how many, and allows one more once granted", async () => {
    const f = await quizCourse({ maxAttempts: 2 });
    const learner = await enrolledLearner(f.courseId);
    for (let i = 0; i < 2; i++) {
      const { attempt } = await start(learner, f);
      await submit(learner, f, attempt.id);
    }
    const refused = await refusal(start(learner, f));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.userMessage).toMatch(/all 2 attempts/);
    expect((await listMyAttempts(learner, f.courseId, f.quizLessonId)).quiz).toMatchObject({ attemptsAllowed: 2, attemptsLeft: 0 });

    const enrollment = await enrollmentOf(f.courseId, learner.id);
    await db
      .insert(quizExtraAttempts)
      .values({ lessonId: f.quizLessonId, enrollmentId: enrollment.id, extra: 1, grantedBy: f.instructorId });
    const third = await start(learner, f);
    expect(third.attempt.number).toBe(3);
    expect(third.quiz).toMatchObject({ attemptsAllowed: 3, attemptsUsed: 3, attemptsLeft: 0 });
    await submit(learner, f, third.attempt.id);
    expect((await refusal(start(learner, f))).userMessage).toMatch(/all 3 attempts/);
  });

  it("is for the enrolled learner: signed out 401, not enrolled 403, the course's instructor 403, a lesson that is not a quiz 404", async () => {
    const f = await quizCourse();
    const outsider = await insertUser({ role: "LEARNER" });
    const learner = await enrolledLearner(f.courseId);
    expect((await refusal(start(null, f))).code).toBe("UNAUTHORIZED");
    expect((await refusal(start(outsider, f))).code).toBe("FORBIDDEN");
    expect((await refusal(start(f.instructor, f))).code).toBe("FORBIDDEN");
    expect((await refusal(startAttempt(learner, f.courseId, f.readingLessonId))).code).toBe("NOT_FOUND");
    const other = await quizCourse();
    expect((await refusal(startAttempt(learner, f.courseId, other.quizLessonId))).code).toBe("NOT_FOUND");
    expect(await db.select().from(quizAttempts)).toHaveLength(0);
  });

  it("refuses a quiz without questions", async () => {
    const f = await quizCourse();
    await db.delete(quizQuestions).where(eq(quizQuestions.lessonId, f.quizLessonId));
    const learner = await enrolledLearner(f.courseId);
    expect((await refusal(start(learner, f))).userMessage).toMatch(/no questions/);
  });
});

describe("saving answers", () => {
  it("upserts each answer and clears it with an empty one", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    const saved = await save(learner, f, attempt.id, f.q.multiple, { optionIds: ["two", "two", "four"] });
    expect(saved.answer).toMatchObject({ questionId: f.q.multiple, answer: { optionIds: ["two", "four"] } });
    expect(revealing(JSON.stringify(saved))).toEqual([]);
    await save(learner, f, attempt.id, f.q.multiple, { optionIds: ["three"] });
    await save(learner, f, attempt.id, f.q.shortText, { text: "Ada" });
    await save(learner, f, attempt.id, f.q.shortText, { text: "   " });
    await save(learner, f, attempt.id, f.q.numeric, { value: "" });
    const rows = await answerRows(attempt.id);
    expect(Object.fromEntries(rows.map((r) => [r.questionId, r.answer]))).toEqual({
      [f.q.multiple]: { optionIds: ["three"] },
      [f.q.shortText]: null,
      [f.q.numeric]: null,
    });
    // Cleared is SQL null, not JSON null, so that "answered" is one test.
    const cleared = await db
      .select({ questionId: quizAnswers.questionId })
      .from(quizAnswers)
      .where(and(eq(quizAnswers.attemptId, attempt.id), isNull(quizAnswers.answer)));
    expect(cleared.map((r) => r.questionId).sort()).toEqual([f.q.shortText, f.q.numeric].sort());
    const { attempt: resumed } = await getMyAttempt(learner, f.courseId, f.quizLessonId, attempt.id);
    expect(resumed.answers).toEqual({ [f.q.multiple]: { optionIds: ["three"] } });
  });

  it("refuses an unknown option, another question's option, a wrong shape, a question not in the attempt and an unreadable number (400)", async () => {
    const f = await quizCourse();
    const other = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    const cases: [string, unknown, string][] = [
      [f.q.single, { optionId: "saturn" }, "answer"],
      [f.q.single, { optionId: "two" }, "answer"],
      [f.q.multiple, { optionIds: ["two", "mars"] }, "answer"],
      [f.q.trueFalse, { optionId: "maybe" }, "answer"],
      [f.q.single, { optionIds: ["mars"] }, "answer"],
      [f.q.shortText, { value: 3 }, "answer"],
      [f.q.numeric, { text: "3.5" }, "answer"],
      [f.q.numeric, { value: "three and a half" }, "answer"],
      [f.q.numeric, { value: "1,2,3" }, "answer"],
      [other.q.single, { optionId: "mars" }, "questionId"],
    ];
    for (const [questionId, answer, field] of cases) {
      const refused = await refusal(save(learner, f, attempt.id, questionId, answer));
      expect(refused.code, JSON.stringify(answer)).toBe("VALIDATION_FAILED");
      expect(Object.keys(refused.options.fields ?? {})).toEqual([field]);
    }
    expect(await answerRows(attempt.id)).toEqual([]);
  });

  it("keeps a number as typed, with spaces or a decimal comma, and grades it as a number", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    for (const typed of [" 3,5 ", "3.50", "+3.5", 3.5, "3 , 5".replace(/ /g, "")]) {
      const { attempt } = await start(learner, f);
      await save(learner, f, attempt.id, f.q.numeric, { value: typed });
      expect((await getMyAttempt(learner, f.courseId, f.quizLessonId, attempt.id)).attempt.answers[f.q.numeric]).toEqual({ value: typed });
      const graded = await submit(learner, f, attempt.id);
      expect(graded.attempt.result!.feedback.find((x) => x.questionId === f.q.numeric)!.outcome, String(typed)).toBe("right");
    }
  });

  it("refuses answers to a submitted attempt (409) and another learner's attempt (404)", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const other = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    expect((await refusal(save(other, f, attempt.id, f.q.single, RIGHT.single))).code).toBe("NOT_FOUND");
    expect((await refusal(getMyAttempt(other, f.courseId, f.quizLessonId, attempt.id))).code).toBe("NOT_FOUND");
    expect((await refusal(submit(other, f, attempt.id))).code).toBe("NOT_FOUND");
    await submit(learner, f, attempt.id);
    const refused = await refusal(save(learner, f, attempt.id, f.q.single, RIGHT.single));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.userMessage).toMatch(/submitted/);
  });
});

describe("grading", () => {
  it("grades every type right, writes every question's row, the attempt's score, and completes the lesson with the progress", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await answerAll(learner, f, attempt.id, RIGHT);
    const graded = await submit(learner, f, attempt.id);
    expect(graded.attempt).toMatchObject({
      status: "submitted",
      score: 100,
      pointsEarned: TOTAL_POINTS,
      pointsPossible: TOTAL_POINTS,
      passed: true,
    });
    expect(graded.attempt.result!.feedback.map((x) => x.outcome)).toEqual(["right", "right", "right", "right", "right"]);
    expect(graded.progress).toEqual({ lessonId: f.quizLessonId, completed: true, progress: 50, courseCompleted: false });
    expect(graded.quiz).toMatchObject({ passed: true, bestScore: 100, openAttemptId: null });

    const rows = await answerRows(attempt.id);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.correct === true && r.pointsAwarded === QUESTIONS[keyOf(f, r.questionId)].points)).toBe(true);
    const enrollment = await enrollmentOf(f.courseId, learner.id);
    expect(enrollment.progress).toBe(50);
    const [progress] = await db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.enrollmentId, enrollment.id), eq(lessonProgress.lessonId, f.quizLessonId)));
    expect(progress).toMatchObject({ completed: true });
  });

  it("grades wrong answers 0, unanswered questions too (with a row), and a failed quiz leaves the lesson open", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await answerAll(learner, f, attempt.id, {
      single: WRONG.single,
      trueFalse: WRONG.trueFalse,
      shortText: WRONG.shortText,
      numeric: WRONG.numeric,
    });
    const graded = await submit(learner, f, attempt.id);
    expect(graded.attempt).toMatchObject({ score: 0, pointsEarned: 0, passed: false });
    expect(graded.attempt.result!.feedback.map((x) => x.outcome)).toEqual(["wrong", "unanswered", "wrong", "wrong", "wrong"]);
    const rows = await answerRows(attempt.id);
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.questionId === f.q.multiple)).toMatchObject({ answer: null, correct: false, pointsAwarded: 0 });
    expect(graded.progress).toMatchObject({ completed: false, progress: 0 });
    expect((await enrollmentOf(f.courseId, learner.id)).progress).toBe(0);
  });

  it("gives partial credit on a multiple-choice question that allows it, all or nothing otherwise", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const first = await start(learner, f);
    await save(learner, f, first.attempt.id, f.q.multiple, { optionIds: ["two"] });
    const partly = await submit(learner, f, first.attempt.id);
    expect(partly.attempt.result!.feedback.find((x) => x.questionId === f.q.multiple)).toMatchObject({
      outcome: "partly",
      pointsAwarded: 2,
      points: 4,
    });
    expect(partly.attempt.pointsEarned).toBe(2);
    expect(partly.attempt.score).toBe(20);

    await db.update(quizQuestions).set({ partialCredit: false }).where(eq(quizQuestions.id, f.q.multiple));
    const second = await start(learner, f);
    await save(learner, f, second.attempt.id, f.q.multiple, { optionIds: ["two"] });
    const none = await submit(learner, f, second.attempt.id);
    expect(none.attempt.result!.feedback.find((x) => x.questionId === f.q.multiple)).toMatchObject({ outcome: "wrong", pointsAwarded: 0 });
  });

  it("never trusts a stored answer: another question's option or a made-up one is graded wrong", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await db.insert(quizAnswers).values([
      { attemptId: attempt.id, questionId: f.q.single, answer: { optionId: "two" } },
      { attemptId: attempt.id, questionId: f.q.multiple, answer: { optionIds: ["two", "three", "mars"] } },
      { attemptId: attempt.id, questionId: f.q.numeric, answer: { value: "lots" } },
    ]);
    const graded = await submit(learner, f, attempt.id);
    expect(graded.attempt.result!.feedback.slice(0, 2).map((x) => x.outcome)).toEqual(["wrong", "partly"]);
    expect(graded.attempt.result!.feedback[4]!.outcome).toBe("wrong");
  });

  it("grades once: a second submit answers the same grading, and a change after it is not counted", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await answerAll(learner, f, attempt.id, { single: RIGHT.single });
    const first = await submit(learner, f, attempt.id);
    await db
      .update(quizAnswers)
      .set({ answer: RIGHT.numeric })
      .where(and(eq(quizAnswers.attemptId, attempt.id), eq(quizAnswers.questionId, f.q.numeric)));
    const second = await submit(learner, f, attempt.id);
    const grading = (a: typeof first.attempt) => ({
      ...pick(a, ["id", "submittedAt", "score", "pointsEarned", "pointsPossible", "passed"]),
      points: a.result!.feedback.map((x) => x.pointsAwarded),
    });
    expect(grading(second.attempt)).toEqual(grading(first.attempt));
    expect((await attemptRow(attempt.id)).pointsEarned).toBe(2);
  });

  it("refuses Mark complete on a quiz lesson, and undoing it, with 409", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const done = await refusal(setLessonCompleted(learner, f.courseId, f.quizLessonId, true));
    expect(done.code).toBe("CONFLICT");
    expect(done.userMessage).toBe("Pass the quiz to complete it.");
    expect((await refusal(setLessonCompleted(learner, f.courseId, f.quizLessonId, false))).code).toBe("CONFLICT");
    expect(await db.select().from(lessonProgress)).toHaveLength(0);
    // A reading lesson still completes by hand.
    expect((await setLessonCompleted(learner, f.courseId, f.readingLessonId, true)).progress).toBe(50);
  });
});

describe("the time limit", () => {
  it("refuses a save past the deadline with 409 and grades the attempt with what was saved", async () => {
    const f = await quizCourse({ timeLimitMinutes: 5 });
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await answerAll(learner, f, attempt.id, RIGHT);
    await pastDeadline(attempt.id);
    const refused = await refusal(save(learner, f, attempt.id, f.q.single, WRONG.single));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.userMessage).toMatch(/Time is up/);
    const row = await attemptRow(attempt.id);
    expect(row).toMatchObject({ score: 100, passed: true });
    expect(row.submittedAt).not.toBeNull();
    const shown = await getMyAttempt(learner, f.courseId, f.quizLessonId, attempt.id);
    expect(shown.attempt).toMatchObject({ status: "submitted", timedOut: true });
    expect(shown.attempt.answers[f.q.single]).toEqual(RIGHT.single);
    expect((await enrollmentOf(f.courseId, learner.id)).progress).toBe(50);
  });

  it("grades an expired open attempt when the learner next lists, starts or submits", async () => {
    const f = await quizCourse({ timeLimitMinutes: 5 });
    const learner = await enrolledLearner(f.courseId);
    const first = await start(learner, f);
    await save(learner, f, first.attempt.id, f.q.single, RIGHT.single);
    await pastDeadline(first.attempt.id);
    const listed = await listMyAttempts(learner, f.courseId, f.quizLessonId);
    expect(listed.attempts[0]).toMatchObject({ id: first.attempt.id, status: "submitted", timedOut: true, pointsEarned: 2 });
    expect(listed.quiz.openAttemptId).toBeNull();

    const second = await start(learner, f);
    expect(second.created).toBe(true);
    await pastDeadline(second.attempt.id);
    const third = await start(learner, f);
    expect(third.attempt.number).toBe(3);
    expect((await attemptRow(second.attempt.id)).submittedAt).not.toBeNull();

    await pastDeadline(third.attempt.id);
    const graded = await submit(learner, f, third.attempt.id);
    expect(graded.attempt).toMatchObject({ status: "submitted", timedOut: true, score: 0 });
  });

  it("keeps an attempt open within the deadline", async () => {
    const f = await quizCourse({ timeLimitMinutes: 1 });
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await save(learner, f, attempt.id, f.q.single, RIGHT.single);
    expect((await listMyAttempts(learner, f.courseId, f.quizLessonId)).quiz.openAttemptId).toBe(attempt.id);
  });
});

describe("what the learner sees", () => {
  it("never shows a right answer, tolerance or explanation in the list, whatever showAnswers", async () => {
    const f = await quizCourse();
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await answerAll(learner, f, attempt.id, RIGHT);
    await submit(learner, f, attempt.id);
    await start(learner, f);
    const listed = await listMyAttempts(learner, f.courseId, f.quizLessonId);
    expect(listed.attempts.map((a) => a.status)).toEqual(["open", "submitted"]);
    expect(revealing(JSON.stringify(listed))).toEqual([]);
  });

  it("after_submit: right answers and explanations with every graded attempt", async () => {
    const f = await quizCourse({ showAnswers: "after_submit" });
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    const graded = await submit(learner, f, attempt.id);
    expect(graded.attempt.result!.answersShown).toBe(true);
    expect(graded.attempt.result!.feedback).toEqual([
      {
        questionId: f.q.single,
        outcome: "unanswered",
        pointsAwarded: 0,
        points: 2,
        solution: { optionIds: ["mars"] },
        explanation: QUESTIONS.single.explanation,
        explanationHtml: `<p>${QUESTIONS.single.explanation}</p>`,
      },
      {
        questionId: f.q.multiple,
        outcome: "unanswered",
        pointsAwarded: 0,
        points: 4,
        solution: { optionIds: ["two", "three"] },
        explanation: QUESTIONS.multiple.explanation,
        explanationHtml: `<p>${QUESTIONS.multiple.explanation}</p>`,
      },
      {
        questionId: f.q.trueFalse,
        outcome: "unanswered",
        pointsAwarded: 0,
        points: 1,
        solution: { optionIds: ["true"] },
        explanation: QUESTIONS.trueFalse.explanation,
        explanationHtml: `<p>${QUESTIONS.trueFalse.explanation}</p>`,
      },
      {
        questionId: f.q.shortText,
        outcome: "unanswered",
        pointsAwarded: 0,
        points: 2,
        solution: { acceptedAnswers: ["Ada Lovelace", "Lovelace"] },
        explanation: QUESTIONS.shortText.explanation,
        explanationHtml: `<p>${QUESTIONS.shortText.explanation}</p>`,
      },
      {
        questionId: f.q.numeric,
        outcome: "unanswered",
        pointsAwarded: 0,
        points: 1,
        solution: { answer: 3.5, tolerance: 0.01 },
        explanation: QUESTIONS.numeric.explanation,
        explanationHtml: `<p>${QUESTIONS.numeric.explanation}</p>`,
      },
    ]);
  });

  it("after_pass: right or wrong per question until passed, then the answers of every attempt", async () => {
    const f = await quizCourse({ showAnswers: "after_pass" });
    const learner = await enrolledLearner(f.courseId);
    const failed = await start(learner, f);
    await save(learner, f, failed.attempt.id, f.q.single, RIGHT.single);
    const failing = await submit(learner, f, failed.attempt.id);
    expect(failing.attempt.result!.answersShown).toBe(false);
    expect(failing.attempt.result!.feedback.map((x) => x.outcome)).toEqual([
      "right",
      "unanswered",
      "unanswered",
      "unanswered",
      "unanswered",
    ]);
    expect(revealing(JSON.stringify(failing))).toEqual([]);

    const passing = await start(learner, f);
    await answerAll(learner, f, passing.attempt.id, RIGHT);
    const passed = await submit(learner, f, passing.attempt.id);
    expect(passed.attempt.result!.answersShown).toBe(true);
    expect(passed.attempt.result!.feedback[0]!.solution).toEqual({ optionIds: ["mars"] });
    const earlier = await getMyAttempt(learner, f.courseId, f.quizLessonId, failed.attempt.id);
    expect(earlier.attempt.result!.answersShown).toBe(true);
  });

  it("never: right or wrong and points per question, no right answers or explanations even once passed", async () => {
    const f = await quizCourse({ showAnswers: "never" });
    const learner = await enrolledLearner(f.courseId);
    const { attempt } = await start(learner, f);
    await answerAll(learner, f, attempt.id, { ...RIGHT, numeric: WRONG.numeric });
    const graded = await submit(learner, f, attempt.id);
    expect(graded.attempt.passed).toBe(true);
    expect(graded.attempt.result!.answersShown).toBe(false);
    expect(graded.attempt.result!.feedback.map((x) => x.outcome)).toEqual(["right", "right", "right", "right", "wrong"]);
    // The learner's own answers are theirs to see (a right short answer is an accepted one); nothing else tells.
    expect(revealing(JSON.stringify({ ...graded, attempt: { ...graded.attempt, answers: {} } }))).toEqual([]);
  });
});

describe("the editors' preview", () => {
  it("shows the questions as a learner gets them and writes nothing", async () => {
    const f = await quizCourse({ shuffleQuestions: true, passingScore: 80, maxAttempts: 3 });
    const preview = await previewQuiz(f.instructor, f.courseId, f.quizLessonId);
    expect(preview.questions.map((q) => q.id)).toEqual(Object.values(f.q));
    expect(preview.quiz).toMatchObject({ passingScore: 80, attemptsAllowed: 3, questionCount: 5 });
    expect(revealing(JSON.stringify(preview))).toEqual([]);
    expect(await db.select().from(quizAttempts)).toHaveLength(0);
    const learner = await enrolledLearner(f.courseId);
    expect((await refusal(previewQuiz(learner, f.courseId, f.quizLessonId))).code).toBe("FORBIDDEN");
    expect((await refusal(previewQuiz(f.instructor, f.courseId, f.readingLessonId))).code).toBe("NOT_FOUND");
  });
});

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

function keyOf(f: QuizFixture, questionId: string): QuestionKey {
  return (Object.entries(f.q) as [QuestionKey, string][]).find(([, id]) => id === questionId)![0];
}
