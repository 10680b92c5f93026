import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { rowsOf } from "@/lib/analytics/sql-rows";
import { db, type Transaction } from "@/lib/db/client";
import { courses, enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getMyCourse } from "./course-detail";
import { enroll } from "./enroll";
import { getLessonForLearner } from "./lesson-for-learner";
import {
  LAST_ACCESS_REFRESH_MS,
  recordLessonOpened,
  saveVideoPosition,
  setLessonCompleted,
  writeLessonCompletion,
} from "./lesson-progress";

const database = withTestDatabase();

/** A published course of `lessonCount` lessons in one module, with total_lessons kept as the app keeps it. */
async function publishedCourse(lessonCount: number) {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const [course] = await db
    .insert(courses)
    .values({
      instructorId: instructor.id,
      title: "Progress",
      description: "d",
      isPublished: true,
      publishedAt: new Date(),
      totalLessons: lessonCount,
    })
    .returning({ id: courses.id });
  const [module] = await db.insert(modules).values({ courseId: course!.id, title: "M" }).returning({ id: modules.id });
  const rows = await db
    .insert(lessons)
    .values(Array.from({ length: lessonCount }, (_, i) => ({ moduleId: module!.id, title: `L${i}`, ord: i })))
    .returning({ id: lessons.id, ord: lessons.ord });
  return { instructor, courseId: course!.id, lessonIds: rows.sort((a, b) => a.ord - b.ord).map((r) => r.id) };
}

async function enrolledLearner(courseId: string) {
  const learner = await insertUser({ role: "LEARNER" });
  await enroll(learner, courseId);
  return learner;
}

/** Until another session of this database waits for a lock (this transaction's): polled, not timed. */
async function untilAnotherSessionWaitsForALock(tx: Transaction) {
  for (;;) {
    // A transaction sees pg_stat_activity as it was at its first read unless told to read it again.
    await tx.execute(sql`select pg_stat_clear_snapshot()`);
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      ),
    );
    if (Number(row!.n) > 0) return;
    await tx.execute(sql`select pg_sleep(0.02)`);
  }
}

const enrollmentOf = async (courseId: string, learnerId: string) =>
  (await db.select().from(enrollments).where(eq(enrollments.courseId, courseId))).find((e) => e.learnerId === learnerId)!;

const ROUNDS = 100;

describe("lesson progress", () => {
  it("keeps progress exact under 100 concurrent completions of distinct lessons", async () => {
    const { courseId, lessonIds } = await publishedCourse(100);
    const learner = await enrolledLearner(courseId);
    const results = await Promise.all(lessonIds.map((id) => setLessonCompleted(learner, courseId, id, true)));
    // Each answer saw its own completion and the ones committed before it: the last one to commit saw all 100.
    expect(results.map((r) => r.progress).sort((a, b) => b - a)[0]).toBe(100);
    const enrollment = await enrollmentOf(courseId, learner.id);
    expect(enrollment.progress).toBe(100);
    expect(enrollment.completedAt).not.toBeNull();
    const done = await db.select().from(lessonProgress).where(eq(lessonProgress.enrollmentId, enrollment.id));
    expect(done.filter((p) => p.completed)).toHaveLength(100);
  });

  it("keeps progress exact when 50 of 100 lessons are completed at once and 10 undone at once", async () => {
    const { courseId, lessonIds } = await publishedCourse(100);
    const learner = await enrolledLearner(courseId);
    await Promise.all(lessonIds.slice(0, 50).map((id) => setLessonCompleted(learner, courseId, id, true)));
    expect((await enrollmentOf(courseId, learner.id)).progress).toBe(50);
    await Promise.all(lessonIds.slice(0, 10).map((id) => setLessonCompleted(learner, courseId, id, false)));
    const enrollment = await enrollmentOf(courseId, learner.id);
    expect(enrollment.progress).toBe(40);
    expect(enrollment.completedAt).toBeNull();
  });

  it("counts a completion written by another transaction while marking complete waited for the enrollment", async () => {
    const { courseId, lessonIds } = await publishedCourse(4);
    const learner = await enrolledLearner(courseId);
    const { id: enrollmentId } = await enrollmentOf(courseId, learner.id);
    let marking: ReturnType<typeof setLessonCompleted> | undefined;
    await db.transaction(async (tx) => {
      // As quiz grading completes its lesson: the enrollment locked, the completion and the progress written.
      await writeLessonCompletion(tx, { courseId, enrollmentId, lessonId: lessonIds[0]!, completed: true, now: new Date() });
      marking = setLessonCompleted(learner, courseId, lessonIds[1]!, true);
      // On a database server the request has read before this commit and waits for the enrollment's lock (its count of
      // completed lessons is then out of date); PGlite runs it after the commit.
      if (database.connection!.driver !== "pglite") await untilAnotherSessionWaitsForALock(tx);
    });
    expect(await marking!).toEqual({ lessonId: lessonIds[1], completed: true, progress: 50, courseCompleted: false });
    expect((await enrollmentOf(courseId, learner.id)).progress).toBe(50);
  });

  it("opens and completes the same lessons at the same moment without a deadlock (both lock the enrollment first)", async () => {
    const { courseId, lessonIds } = await publishedCourse(ROUNDS);
    const learner = await enrolledLearner(courseId);
    const enrollmentId = (await enrollmentOf(courseId, learner.id)).id;
    const longAgo = new Date(Date.now() - 2 * LAST_ACCESS_REFRESH_MS);
    for (let round = 0; round < ROUNDS; round += 1) {
      const lessonId = lessonIds[round]!;
      // A last access older than the refresh: the visit is written whichever of the two runs first.
      await db.update(enrollments).set({ lastAccessedAt: longAgo }).where(eq(enrollments.id, enrollmentId));
      const [opened, completed] = await Promise.all([
        recordLessonOpened(learner, courseId, lessonId),
        setLessonCompleted(learner, courseId, lessonId, true),
      ]);
      expect(opened.lessonId).toBe(lessonId);
      expect(completed.completed).toBe(true);
    }
    const enrollment = await enrollmentOf(courseId, learner.id);
    expect(enrollment.progress).toBe(100);
  });

  it("rounds down, reaches 100 only with every lesson, sets completedAt, and an undo takes it back", async () => {
    const { courseId, lessonIds } = await publishedCourse(3);
    const learner = await enrolledLearner(courseId);
    const [a, b, c] = lessonIds as [string, string, string];
    expect(await setLessonCompleted(learner, courseId, a, true)).toEqual({
      lessonId: a,
      completed: true,
      progress: 33,
      courseCompleted: false,
    });
    // Completing the same lesson twice counts it once.
    expect((await setLessonCompleted(learner, courseId, a, true)).progress).toBe(33);
    expect((await setLessonCompleted(learner, courseId, b, true)).progress).toBe(66);
    expect(await setLessonCompleted(learner, courseId, c, true)).toMatchObject({ progress: 100, courseCompleted: true });
    const finished = await enrollmentOf(courseId, learner.id);
    expect(finished.progress).toBe(100);
    expect(finished.completedAt).toBeInstanceOf(Date);
    expect(await setLessonCompleted(learner, courseId, b, false)).toMatchObject({ progress: 66, courseCompleted: false });
    expect((await enrollmentOf(courseId, learner.id)).completedAt).toBeNull();
    const mine = await getMyCourse(learner, courseId);
    expect(mine.nextLessonId).toBe(b);
    expect(mine.curriculum[0]!.lessons.map((l) => l.completed)).toEqual([true, false, true]);
  });

  it("keeps the video position per lesson without completing it", async () => {
    const { courseId, lessonIds } = await publishedCourse(2);
    const learner = await enrolledLearner(courseId);
    await saveVideoPosition(learner, courseId, lessonIds[1]!, 42);
    const mine = await getMyCourse(learner, courseId);
    expect(mine.curriculum[0]!.lessons.map((l) => [l.videoPosition, l.completed])).toEqual([
      [0, false],
      [42, false],
    ]);
    expect(mine.enrollment!.progress).toBe(0);
  });

  it("opens a lesson where the learner left it without writing, and records the visit only when the last one is older than the refresh", async () => {
    const { courseId, lessonIds } = await publishedCourse(2);
    const learner = await enrolledLearner(courseId);
    await saveVideoPosition(learner, courseId, lessonIds[1]!, 42);
    const { id } = await enrollmentOf(courseId, learner.id);
    const accessedAgo = async (ms: number) => {
      const at = new Date(Date.now() - ms);
      await db.update(enrollments).set({ lastAccessedAt: at }).where(eq(enrollments.id, id));
      // Rendering the lesson (a prefetch does too) writes nothing; the player's visit may.
      const opened = await getLessonForLearner(learner, courseId, lessonIds[1]!);
      expect(opened).toMatchObject({ videoPosition: 42, completed: false, lesson: { id: lessonIds[1] } });
      expect((await enrollmentOf(courseId, learner.id)).lastAccessedAt).toEqual(at);
      const visit = await recordLessonOpened(learner, courseId, lessonIds[1]!);
      return { at, now: (await enrollmentOf(courseId, learner.id)).lastAccessedAt!, recorded: visit.recorded };
    };
    // The lesson is already the one used last (its position was saved): a recent visit writes nothing.
    const recent = await accessedAgo(LAST_ACCESS_REFRESH_MS / 5);
    expect(recent).toMatchObject({ recorded: false, now: recent.at });
    const stale = await accessedAgo(LAST_ACCESS_REFRESH_MS * 2);
    expect(stale.recorded).toBe(true);
    expect(stale.now.getTime()).toBeGreaterThan(stale.at.getTime() + LAST_ACCESS_REFRESH_MS);
  });

  it("records a visit for the enrollment only: not for an editor or a learner who is not enrolled, nor a lesson of another course", async () => {
    const mine = await publishedCourse(1);
    const other = await publishedCourse(1);
    const learner = await enrolledLearner(mine.courseId);
    const outsider = await insertUser({ role: "LEARNER" });
    const statusOf = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : 500),
      );
    expect(await statusOf(recordLessonOpened(null, mine.courseId, mine.lessonIds[0]!))).toBe(401);
    expect(await statusOf(recordLessonOpened(outsider, mine.courseId, mine.lessonIds[0]!))).toBe(403);
    expect(await statusOf(recordLessonOpened(mine.instructor, mine.courseId, mine.lessonIds[0]!))).toBe(403);
    expect(await statusOf(recordLessonOpened(learner, mine.courseId, other.lessonIds[0]!))).toBe(404);
    expect(await db.select().from(lessonProgress)).toEqual([]);
    expect(await recordLessonOpened(learner, mine.courseId, mine.lessonIds[0]!)).toEqual({ lessonId: mine.lessonIds[0], recorded: true });
  });

  it("lists a module without lessons in the curriculum, in module order", async () => {
    const { courseId } = await publishedCourse(1);
    await db.insert(modules).values({ courseId, title: "Empty", ord: 5 });
    const learner = await enrolledLearner(courseId);
    const mine = await getMyCourse(learner, courseId);
    expect(mine.curriculum.map((m) => [m.title, m.lessons.length])).toEqual([
      ["M", 1],
      ["Empty", 0],
    ]);
  });

  it("refuses a lesson of another course with 404, and a learner who is not enrolled with 403", async () => {
    const mine = await publishedCourse(1);
    const other = await publishedCourse(1);
    const learner = await enrolledLearner(mine.courseId);
    const outsider = await insertUser({ role: "LEARNER" });
    const statusOf = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : 500),
      );
    expect(await statusOf(setLessonCompleted(learner, mine.courseId, other.lessonIds[0]!, true))).toBe(404);
    expect(await statusOf(setLessonCompleted(outsider, mine.courseId, mine.lessonIds[0]!, true))).toBe(403);
    expect(await statusOf(setLessonCompleted(mine.instructor, mine.courseId, mine.lessonIds[0]!, true))).toBe(403);
    expect((await db.select().from(lessonProgress)).length).toBe(0);
  });
});
