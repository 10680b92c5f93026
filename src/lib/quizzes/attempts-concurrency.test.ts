import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrolledLearner, enrollmentOf, quizCourse, RIGHT } from "../../../tests/helpers/quiz-taking-db";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { env } from "@/env";
import { db } from "@/lib/db/client";
import { quizAnswers, quizAttempts, quizzes } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { startAttempt, submitAttempt } from "./attempts";
import { saveAnswer } from "./attempts-answers";
import { gradeAttemptOnce } from "./attempts-grading";

/**
 * Attempts under real concurrency: requests of one learner at the same moment on separate connections of a Postgres
 * server (TEST_DATABASE_URL). PGlite runs one statement at a time, so there these would prove nothing: skipped.
 */
withTestDatabase();

const ROUNDS = 10;

describe.runIf(env.TEST_DATABASE_URL)("attempts at the same moment (Postgres server)", () => {
  it("grades an attempt once when two submits arrive together", async () => {
    const f = await quizCourse();
    const [quiz] = await db.select().from(quizzes).where(eq(quizzes.lessonId, f.quizLessonId));
    for (let round = 0; round < ROUNDS; round++) {
      const learner = await enrolledLearner(f.courseId);
      const { attempt } = await startAttempt(learner, f.courseId, f.quizLessonId);
      for (const [key, answer] of Object.entries(RIGHT))
        await saveAnswer(learner, f.courseId, f.quizLessonId, attempt.id, { questionId: f.q[key as keyof typeof RIGHT], answer });

      // Through the lib's grading itself: exactly one of the two did the grading.
      const [a, b] = await Promise.all([gradeAttemptOnce(f.courseId, quiz!, attempt.id), gradeAttemptOnce(f.courseId, quiz!, attempt.id)]);
      expect([a.gradedNow, b.gradedNow].sort()).toEqual([false, true]);
      expect(a.attempt.submittedAt).toEqual(b.attempt.submittedAt);
      expect((a.completion ?? b.completion)?.progress).toBe(50);

      // And through submit: two at once on a fresh attempt answer the same grading, 200 both.
      const second = await enrolledLearner(f.courseId);
      const started = await startAttempt(second, f.courseId, f.quizLessonId);
      await saveAnswer(second, f.courseId, f.quizLessonId, started.attempt.id, { questionId: f.q.single, answer: RIGHT.single });
      const [x, y] = await Promise.all([
        submitAttempt(second, f.courseId, f.quizLessonId, started.attempt.id),
        submitAttempt(second, f.courseId, f.quizLessonId, started.attempt.id),
      ]);
      expect(x.attempt.submittedAt).not.toBeNull();
      expect(x.attempt.submittedAt).toBe(y.attempt.submittedAt);
      expect(x.attempt.score).toBe(y.attempt.score);
      const rows = await db.select().from(quizAnswers).where(eq(quizAnswers.attemptId, started.attempt.id));
      expect(rows).toHaveLength(5);
      // One grading wrote every row at the attempt's submitted_at.
      expect(new Set(rows.map((r) => r.updatedAt.toISOString()))).toEqual(new Set([x.attempt.submittedAt]));
    }
  });

  it("makes one attempt of three starts at once", async () => {
    const f = await quizCourse();
    for (let round = 0; round < ROUNDS; round++) {
      const learner = await enrolledLearner(f.courseId);
      const started = await Promise.all([1, 2, 3].map(() => startAttempt(learner, f.courseId, f.quizLessonId)));
      expect(new Set(started.map((s) => s.attempt.id)).size).toBe(1);
      expect(started.filter((s) => s.created)).toHaveLength(1);
      const enrollment = await enrollmentOf(f.courseId, learner.id);
      expect(await db.select().from(quizAttempts).where(eq(quizAttempts.enrollmentId, enrollment.id))).toHaveLength(1);
    }
  });

  it("counts a save that meets a submit, or refuses it: never a saved answer the grading missed", async () => {
    const f = await quizCourse();
    let counted = 0;
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const learner = await enrolledLearner(f.courseId);
      const { attempt } = await startAttempt(learner, f.courseId, f.quizLessonId);
      const [saved, graded] = await Promise.allSettled([
        saveAnswer(learner, f.courseId, f.quizLessonId, attempt.id, { questionId: f.q.single, answer: RIGHT.single }),
        submitAttempt(learner, f.courseId, f.quizLessonId, attempt.id),
      ]);
      expect(graded.status).toBe("fulfilled");
      const score = graded.status === "fulfilled" ? graded.value.attempt.pointsEarned : null;
      if (saved.status === "fulfilled") {
        counted += 1;
        expect(score).toBe(2);
      } else {
        refused += 1;
        expect(AppError.is(saved.reason) && saved.reason.code).toBe("CONFLICT");
        expect(score).toBe(0);
      }
    }
    expect(counted + refused).toBe(ROUNDS);
  });
});
