import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { env } from "@/env";
import { db } from "./client";
import {
  courseMaterials,
  courses,
  enrollments,
  lessonProgress,
  lessons,
  modules,
  quizAnswers,
  quizAttempts,
  quizExtraAttempts,
  quizQuestions,
  quizzes,
  users,
} from "./schema";

const database = withTestDatabase();

async function fixture() {
  const [instructor, learner] = await db
    .insert(users)
    .values([
      { email: "teacher@example.test", role: "INSTRUCTOR" },
      { email: "student@example.test", role: "LEARNER" },
    ])
    .returning();
  const [course] = await db.insert(courses).values({ instructorId: instructor!.id, title: "Course" }).returning();
  const [mod] = await db.insert(modules).values({ courseId: course!.id, title: "Module" }).returning();
  const [lesson] = await db.insert(lessons).values({ moduleId: mod!.id, title: "Lesson" }).returning();
  await db.insert(courseMaterials).values({ courseId: course!.id, lessonId: lesson!.id, fileName: "a.pdf", fileKey: "k1" });
  const [enrollment] = await db.insert(enrollments).values({ courseId: course!.id, learnerId: learner!.id }).returning();
  await db.insert(lessonProgress).values({ enrollmentId: enrollment!.id, lessonId: lesson!.id, completed: true });
  const quiz = await quizFixture(mod!.id, enrollment!.id, instructor!.id);
  return { instructor: instructor!, learner: learner!, course: course!, module: mod!, lesson: lesson!, enrollment: enrollment!, quiz };
}

/** A quiz lesson with its settings, a question, a learner's graded attempt with an answer, and an extra attempt granted. */
async function quizFixture(moduleId: string, enrollmentId: string, grantedBy: string) {
  const [lesson] = await db.insert(lessons).values({ moduleId, title: "Quiz", kind: "quiz", ord: 1 }).returning();
  await db.insert(quizzes).values({ lessonId: lesson!.id });
  const [question] = await db
    .insert(quizQuestions)
    .values({ lessonId: lesson!.id, type: "true_false", prompt: "Yes?", options: [{ id: "true", text: "True", correct: true }] })
    .returning();
  const [attempt] = await db
    .insert(quizAttempts)
    .values({ lessonId: lesson!.id, enrollmentId, number: 1, questionOrder: [question!.id], submittedAt: new Date(), score: 100 })
    .returning();
  await db.insert(quizAnswers).values({ attemptId: attempt!.id, questionId: question!.id, answer: { optionId: "true" }, correct: true });
  await db.insert(quizExtraAttempts).values({ lessonId: lesson!.id, enrollmentId, extra: 1, grantedBy });
  return lesson!;
}

/** Rows left in every quiz table. */
async function quizRows() {
  const counts = await db.execute<{ n: number }>(sql`
    select (select count(*) from quizzes) + (select count(*) from quiz_questions) + (select count(*) from quiz_attempts)
         + (select count(*) from quiz_answers) + (select count(*) from quiz_extra_attempts) as n`);
  const rows = (Array.isArray(counts) ? counts : (counts as { rows: { n: number }[] }).rows) as { n: number | string }[];
  return Number(rows[0]!.n);
}

/** The constraint a failed statement broke, whichever driver raised it. */
async function violation(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as { cause?: { constraint?: string; message?: string }; constraint?: string; message?: string };
    return e.cause?.constraint ?? e.constraint ?? e.cause?.message ?? e.message ?? "";
  }
  throw new Error("expected the statement to be refused");
}

describe(`schema constraints`, () => {
  it("runs on the engine and through the driver the suite was asked for", async () => {
    const expected = !env.TEST_DATABASE_URL ? "pglite" : env.TEST_DATABASE_DRIVER;
    expect(database.connection!.driver).toBe(expected);
    const result = await db.execute<{ version: string }>(sql`select version() as version`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { version: string }[] }).rows) as { version: string }[];
    expect(rows[0]!.version).toMatch(/^PostgreSQL \d+/);
    console.info(`schema tests on ${database.label}: ${rows[0]!.version.split(" on ")[0]}`);
  });

  it("allows one enrollment per learner and course", async () => {
    const { course, learner } = await fixture();
    expect(await violation(db.insert(enrollments).values({ courseId: course.id, learnerId: learner.id }))).toMatch(
      /enrollments_course_id_learner_id_unique/,
    );
  });

  it("allows one progress row per enrollment and lesson", async () => {
    const { enrollment, lesson } = await fixture();
    expect(await violation(db.insert(lessonProgress).values({ enrollmentId: enrollment.id, lessonId: lesson.id }))).toMatch(
      /lesson_progress_enrollment_id_lesson_id_unique/,
    );
  });

  it("keeps progress between 0 and 100", async () => {
    const { enrollment } = await fixture();
    expect(await violation(db.update(enrollments).set({ progress: 101 }).where(eq(enrollments.id, enrollment.id)))).toMatch(
      /enrollments_progress_range/,
    );
    expect(await violation(db.update(enrollments).set({ progress: -1 }).where(eq(enrollments.id, enrollment.id)))).toMatch(
      /enrollments_progress_range/,
    );
  });

  it("keeps e-mail addresses unique", async () => {
    await fixture();
    expect(await violation(db.insert(users).values({ email: "teacher@example.test" }))).toMatch(/users_email_unique/);
  });

  it("deleting a course removes its modules, lessons, materials, enrollments, progress, and quizzes with their questions and attempts", async () => {
    const { course, learner } = await fixture();
    expect(await quizRows()).toBe(5);
    await db.delete(courses).where(eq(courses.id, course.id));
    expect(await quizRows()).toBe(0);
    const counts = await db.execute<{ n: number }>(sql`
      select (select count(*) from modules) + (select count(*) from lessons) + (select count(*) from course_materials)
           + (select count(*) from enrollments) + (select count(*) from lesson_progress) as n`);
    const rows = (Array.isArray(counts) ? counts : (counts as { rows: { n: number }[] }).rows) as { n: number | string }[];
    expect(Number(rows[0]!.n)).toBe(0);
    // The learner's account stays.
    expect(await db.select().from(users).where(eq(users.id, learner.id))).toHaveLength(1);
  });

  it("deleting a quiz lesson, or its module, removes the quiz's settings, questions, attempts, answers and extra attempts", async () => {
    const { quiz, module, enrollment, instructor } = await fixture();
    await db.delete(lessons).where(eq(lessons.id, quiz.id));
    expect(await quizRows()).toBe(0);
    await quizFixture(module.id, enrollment.id, instructor.id);
    expect(await quizRows()).toBe(5);
    await db.delete(modules).where(eq(modules.id, module.id));
    expect(await quizRows()).toBe(0);
  });

  it("deleting an enrollment removes its attempts and answers but leaves the quiz", async () => {
    const { enrollment } = await fixture();
    await db.delete(enrollments).where(eq(enrollments.id, enrollment.id));
    expect(await quizRows()).toBe(2);
  });

  it("refuses to delete an instructor who still owns courses", async () => {
    const { instructor } = await fixture();
    expect(await violation(db.delete(users).where(eq(users.id, instructor.id)))).toMatch(/courses_instructor_id_users_id_fk/);
  });

  it("indexes every foreign key of ours (the job queue's schema is pg-boss's)", async () => {
    const result = await db.execute<{ table: string; column: string }>(sql`
      select c.conrelid::regclass::text as table, a.attname as column
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f'
        and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
        )`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    expect(rows).toEqual([]);
  });
});
