import fs from "node:fs";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import {
  assignmentSubmissions,
  assignments,
  courseMaterials,
  courses,
  discussionReplies,
  discussionThreads,
  enrollments,
  lessonProgress,
  lessons,
  modules,
  quizAnswers,
  quizAttempts,
  quizExtraAttempts,
  quizQuestions,
  quizzes,
  submissionFiles,
  submissionVersions,
  users,
} from "@/lib/db/schema";
import { gradeAttempt } from "@/lib/quizzes/grade";
import { QUESTION_TYPES } from "@/lib/validation/quiz";
import { getStorage } from "@/lib/storage";
import { demoCourses } from "./courses";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData, wipeAllData } from "./seed-demo-data";

withTestDatabase();
const storage = withTestStorage();

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

const rows = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describe("demo data", () => {
  it("writes the demo accounts with the demo password and the roles the README lists", async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    await seedDemoData();
    expect(await isDatabaseEmpty()).toBe(false);
    const accounts = await db.select({ email: users.email, role: users.role, hash: users.passwordHash }).from(users);
    const roles = Object.fromEntries(accounts.map((a) => [a.email, a.role]));
    expect(roles).toEqual({
      "admin@budhhub.test": "ADMIN",
      "ada@budhhub.test": "INSTRUCTOR",
      "alan@budhhub.test": "INSTRUCTOR",
      "learner1@budhhub.test": "LEARNER",
      "learner2@budhhub.test": "LEARNER",
      "learner3@budhhub.test": "LEARNER",
      "learner4@budhhub.test": "LEARNER",
      "learner5@budhhub.test": "LEARNER",
    });
    expect(await verifyPassword(DEMO_PASSWORD, accounts[0]!.hash!)).toBe(true);
    expect(await verifyPassword("wrong-password", accounts[0]!.hash!)).toBe(false);
  });

  it("has at least 6 published courses across categories and difficulties and a draft, each 2–4 modules of 2–5 lessons", async () => {
    await seedDemoData();
    const all = await db.select().from(courses);
    const published = all.filter((c) => c.isPublished);
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(all.filter((c) => !c.isPublished).length).toBeGreaterThanOrEqual(1);
    expect(new Set(published.map((c) => c.category)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(published.map((c) => c.difficulty))).toEqual(new Set(["beginner", "intermediate", "advanced"]));

    const shape = rows<{ course_id: string; modules: number; min_lessons: number; max_lessons: number; lessons: number }>(
      await db.execute(sql`
        select m.course_id, count(distinct m.id)::int as modules,
               min(per.n)::int as min_lessons, max(per.n)::int as max_lessons, sum(per.n)::int as lessons
        from modules m
        join (select module_id, count(*) as n from lessons group by module_id) per on per.module_id = m.id
        group by m.course_id`),
    );
    expect(shape).toHaveLength(all.length);
    for (const c of shape) {
      expect(c.modules).toBeGreaterThanOrEqual(2);
      expect(c.modules).toBeLessThanOrEqual(4);
      expect(c.min_lessons).toBeGreaterThanOrEqual(2);
      expect(c.max_lessons).toBeLessThanOrEqual(5);
      expect(all.find((x) => x.id === c.course_id)!.totalLessons).toBe(c.lessons);
    }
    const short = await db
      .select({ id: lessons.id })
      .from(lessons)
      .where(sql`${lessons.kind} = 'lesson' and length(${lessons.content}) < 400`);
    expect(short).toEqual([]);
  });

  it("gives enrollments progress that matches their completed lessons, some partial and some none", async () => {
    await seedDemoData();
    const check = rows<{ progress: number; expected: number }>(
      await db.execute(sql`
        select e.progress, floor(100.0 * count(lp.id) filter (where lp.completed) / c.total_lessons)::int as expected
        from enrollments e
        join courses c on c.id = e.course_id
        left join lesson_progress lp on lp.enrollment_id = e.id
        group by e.id, c.total_lessons`),
    );
    expect(check.length).toBeGreaterThanOrEqual(5);
    for (const e of check) expect(e.progress).toBe(e.expected);
    expect(check.some((e) => e.progress > 0 && e.progress < 100)).toBe(true);
    expect(check.some((e) => e.progress === 100)).toBe(true);
    // Every completed enrollment of a published course (they all award one) holds its certificate, and no other does.
    const held = rows<{ completed: number; certified: number; strays: number }>(
      await db.execute(sql`
        select count(*) filter (where e.completed_at is not null)::int as completed,
               count(k.id) filter (where e.completed_at is not null)::int as certified,
               count(k.id) filter (where e.completed_at is null)::int as strays
        from enrollments e join courses c on c.id = e.course_id and c.certificate_enabled
        left join certificates k on k.course_id = e.course_id and k.learner_id = e.learner_id`),
    );
    expect(held[0]!.completed).toBeGreaterThan(0);
    expect(held[0]).toEqual({ completed: held[0]!.completed, certified: held[0]!.completed, strays: 0 });
  });

  it("gives every course a quiz of 5+ questions of every type, and learners attempts graded by the grading code", async () => {
    await seedDemoData();
    const all = await db.select({ id: courses.id, title: courses.title }).from(courses);
    const quizLessons = await db
      .select({ lessonId: lessons.id, courseId: modules.courseId, passingScore: quizzes.passingScore })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .innerJoin(quizzes, eq(quizzes.lessonId, lessons.id))
      .where(eq(lessons.kind, "quiz"));
    const questions = await db.select().from(quizQuestions);
    for (const course of all) {
      const own = quizLessons.filter((q) => q.courseId === course.id);
      expect(own.length, course.title).toBeGreaterThanOrEqual(1);
      for (const quiz of own) {
        const types = questions.filter((q) => q.lessonId === quiz.lessonId).map((q) => q.type);
        expect(types.length, course.title).toBeGreaterThanOrEqual(5);
        expect(new Set(types), course.title).toEqual(new Set(QUESTION_TYPES));
      }
    }

    const attempts = await db.select().from(quizAttempts);
    expect(attempts.some((a) => a.passed === true)).toBe(true);
    expect(attempts.some((a) => a.passed === false)).toBe(true);
    expect(new Set(attempts.map((a) => a.lessonId)).size).toBeGreaterThanOrEqual(3);
    const answers = await db.select().from(quizAnswers);
    for (const attempt of attempts) {
      // Graded again from the stored questions and answers, the stored grading is what grade.ts gives.
      const quiz = quizLessons.find((q) => q.lessonId === attempt.lessonId)!;
      const own = answers.filter((a) => a.attemptId === attempt.id);
      const order = attempt.questionOrder.map((id) => questions.find((q) => q.id === id)!);
      expect(own.map((a) => a.questionId).sort()).toEqual([...attempt.questionOrder].sort());
      const graded = gradeAttempt(order, new Map(own.map((a) => [a.questionId, a.answer])), quiz.passingScore);
      expect(attempt).toMatchObject({
        score: graded.score,
        pointsEarned: graded.pointsEarned,
        pointsPossible: graded.pointsPossible,
        passed: graded.passed,
      });
      expect(attempt.submittedAt!.getTime()).toBeGreaterThan(attempt.startedAt.getTime());
      for (const g of graded.answers) {
        expect(own.find((a) => a.questionId === g.questionId)).toMatchObject({ correct: g.correct, pointsAwarded: g.points });
      }
    }
    // A quiz lesson is complete exactly when the learner passed it.
    const progress = await db.select().from(lessonProgress);
    for (const enrollment of new Set(attempts.map((a) => a.enrollmentId))) {
      const own = attempts.filter((a) => a.enrollmentId === enrollment);
      const done = progress.some((p) => p.enrollmentId === enrollment && p.lessonId === own[0]!.lessonId && p.completed);
      expect(done).toBe(own.some((a) => a.passed));
    }
    expect((await db.select().from(quizExtraAttempts)).length).toBeGreaterThanOrEqual(1);
  });

  it("gives every course an assignment, and learners submissions in every state, a passing grade completing the lesson", async () => {
    await seedDemoData();
    const all = await db.select({ id: courses.id, title: courses.title }).from(courses);
    const assignmentLessons = await db
      .select({ lessonId: lessons.id, courseId: modules.courseId })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .innerJoin(assignments, eq(assignments.lessonId, lessons.id))
      .where(eq(lessons.kind, "assignment"));
    for (const course of all)
      expect(
        assignmentLessons.filter((a) => a.courseId === course.id),
        course.title,
      ).toHaveLength(1);

    const submissions = await db.select().from(assignmentSubmissions);
    const states = new Set(submissions.map((s) => (s.late ? "late" : s.status === "graded" ? `graded-${s.passed}` : s.status)));
    expect(states).toEqual(new Set(["submitted", "late", "graded-true", "graded-false", "returned"]));
    const versions = await db.select().from(submissionVersions);
    expect(versions).toHaveLength(submissions.length);
    for (const s of submissions) {
      const progress = await db
        .select()
        .from(lessonProgress)
        .where(and(eq(lessonProgress.enrollmentId, s.enrollmentId), eq(lessonProgress.lessonId, s.lessonId)));
      expect(
        progress.some((p) => p.completed),
        s.status,
      ).toBe(s.passed === true);
    }
    // The late one carries a file, stored where a learner's upload would be.
    const [file] = await db.select().from(submissionFiles);
    expect(file!.objectKey).toMatch(/^lessons\/[0-9a-f-]{36}\/submissions\/[^/]+\/[^/]+-my-answer\.pdf$/);
    expect(await getStorage().head(file!.objectKey)).toEqual({ size: file!.size });
  });

  it("asks questions on the demo courses by enrolled learners, some answered by the instructor (marked) and some not", async () => {
    await seedDemoData();
    const threads = await db
      .select({
        id: discussionThreads.id,
        courseId: discussionThreads.courseId,
        authorId: discussionThreads.authorId,
        answer: discussionThreads.answerReplyId,
        instructorId: courses.instructorId,
        replyCount: discussionThreads.replyCount,
      })
      .from(discussionThreads)
      .innerJoin(courses, eq(courses.id, discussionThreads.courseId));
    expect(threads.length).toBeGreaterThanOrEqual(4);
    for (const t of threads) {
      const [enrolled] = await db
        .select({ n: count() })
        .from(enrollments)
        .where(and(eq(enrollments.courseId, t.courseId), eq(enrollments.learnerId, t.authorId!)));
      expect(enrolled!.n, "the asker is enrolled").toBe(1);
      expect(await db.select().from(discussionReplies).where(eq(discussionReplies.threadId, t.id))).toHaveLength(t.replyCount);
    }
    const answered = threads.filter((t) => t.answer);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(threads.filter((t) => !t.answer).length).toBeGreaterThanOrEqual(1);
    for (const t of answered) {
      const [reply] = await db.select().from(discussionReplies).where(eq(discussionReplies.id, t.answer!));
      expect([reply!.threadId, reply!.authorId]).toEqual([t.id, t.instructorId]);
    }
  });

  it("stores a real video and a PDF through the storage layer", async () => {
    await seedDemoData();
    const [video] = await db
      .select()
      .from(lessons)
      .where(sql`${lessons.videoKey} is not null`);
    expect(video!.videoMimeType).toBe("video/webm");
    const head = await getStorage().head(video!.videoKey!);
    expect(head?.size).toBe(video!.videoSize);

    const [pdf] = await db.select().from(courseMaterials);
    expect(pdf!.fileType).toBe("application/pdf");
    const { body } = await getStorage().read(pdf!.fileKey, { start: 0, end: 4 });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("latin1")).toBe("%PDF-");
  });

  it("sells each course: a readable URL, a picture under 100 kB, what it teaches, and instructors with a bio", async () => {
    await seedDemoData();
    const all = await db.select().from(courses);
    const bySlug = Object.fromEntries(all.map((c) => [c.slug, c]));
    expect(bySlug["introduction-to-python"]?.title).toBe("Introduction to Python");
    expect(bySlug["sql-for-analysts"]?.title).toBe("SQL for Analysts");
    for (const course of all) {
      expect(course.slug, course.title).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(course.outcomes.length, course.title).toBeGreaterThanOrEqual(4);
      const head = await getStorage().head(course.thumbnailKey!);
      expect(head!.size, course.title).toBeLessThanOrEqual(100 * 1024);
      const { body } = await getStorage().read(course.thumbnailKey!, { start: 0, end: 7 });
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      expect([...Buffer.concat(chunks)], course.title).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    const instructors = await db
      .select({ bio: users.bio })
      .from(users)
      .where(sql`${users.role} = 'INSTRUCTOR'`);
    for (const { bio } of instructors) expect(bio?.length).toBeGreaterThan(40);
  });

  it("gives the lesson with the 8-second video a duration its video and text fill, and counts it in the course's", async () => {
    await seedDemoData();
    const [video] = await db
      .select()
      .from(lessons)
      .where(sql`${lessons.videoKey} is not null`);
    expect(video!.videoDuration).toBe(8);
    const words = video!.content!.split(/\s+/).length;
    // About 250 words to read and 8 seconds to watch: a couple of minutes, not the ten it once said.
    expect(video!.durationMinutes).toBeGreaterThanOrEqual(1);
    expect(video!.durationMinutes).toBeLessThanOrEqual(Math.ceil(words / 200 + 8 / 60));
    const course = demoCourses.find((c) => c.modules.some((m) => m.lessons.some((l) => l.video)))!;
    const [row] = await db.select().from(courses).where(eq(courses.title, course.title));
    const minutes = await db.execute(
      sql`select coalesce(sum(l.duration_minutes), 0)::int as n from lessons l join modules m on m.id = l.module_id where m.course_id = ${row!.id}`,
    );
    expect(rows<{ n: number }>(minutes)[0]!.n).toBe(row!.estimatedDuration);
  });

  it("writes nothing to the database when a row fails, and removes the objects it stored", async () => {
    // A user with a demo e-mail already there makes the transaction fail half-way.
    await db.insert(users).values({ email: "learner3@budhhub.test" });
    const filesBefore = filesUnder(storage.root).length;
    await expect(seedDemoData()).rejects.toThrow();
    expect(filesUnder(storage.root).length).toBe(filesBefore);
    expect((await db.select({ n: count() }).from(users))[0]!.n).toBe(1);
    for (const table of [courses, modules, lessons, enrollments, lessonProgress, courseMaterials, quizzes, quizQuestions, quizAttempts]) {
      expect((await db.select({ n: count() }).from(table))[0]!.n).toBe(0);
    }
    const remaining = await db.select().from(users).where(eq(users.email, "admin@budhhub.test"));
    expect(remaining).toEqual([]);
  });

  it("a reset (npm run db:seed -- --reset) empties every table and the stored objects, and the demo data can be written again", async () => {
    const before = filesUnder(storage.root); // earlier tests' objects: their rows went with their test database
    await seedDemoData();
    expect(filesUnder(storage.root).length).toBeGreaterThan(before.length);
    // Every quiz table has rows to empty.
    for (const table of [quizzes, quizQuestions, quizAttempts, quizAnswers, quizExtraAttempts]) {
      expect((await db.select({ n: count() }).from(table))[0]!.n).toBeGreaterThan(0);
    }
    await wipeAllData();
    expect(await isDatabaseEmpty()).toBe(true);
    const tables = rows<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public'`));
    expect(tables.length).toBeGreaterThan(10);
    const nonEmpty: string[] = [];
    for (const { name: table } of tables) {
      const [row] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
      if (row!.n > 0) nonEmpty.push(table);
    }
    expect(nonEmpty).toEqual([]);
    expect(filesUnder(storage.root).sort()).toEqual(before.sort());
    await seedDemoData();
    expect((await db.select({ n: count() }).from(courses))[0]!.n).toBe(demoCourses.length);
  });
});
