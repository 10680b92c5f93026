import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withTestStorage } from "../../../tests/helpers/test-storage";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { storageKeys } from "@/lib/storage/keys";
import { createCourse, deleteCourse, setCoursePublished, updateCourse } from "@/lib/courses/manage-course";
import { createLesson, deleteLesson, moveLesson, updateLesson } from "./manage-lessons";
import { createModule, deleteModule, reorderModules } from "./manage-modules";

withTestDatabase();
const storage = withTestStorage();

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof AppError ? error.status : 500),
  );

async function order(courseId: string) {
  const mods = await db.select().from(modules).where(eq(modules.courseId, courseId)).orderBy(asc(modules.ord));
  const result: { title: string; ord: number; lessons: [string, number][] }[] = [];
  for (const m of mods) {
    const ls = await db.select().from(lessons).where(eq(lessons.moduleId, m.id)).orderBy(asc(lessons.ord));
    result.push({ title: m.title, ord: m.ord, lessons: ls.map((l) => [l.title, l.ord]) });
  }
  return result;
}
const totalLessons = async (courseId: string) =>
  (await db.select({ n: courses.totalLessons }).from(courses).where(eq(courses.id, courseId)))[0]!.n;

async function buildCourse() {
  const owner = await insertUser({ role: "INSTRUCTOR" });
  const course = await createCourse(owner, { title: "Course", description: "About it" });
  const a = await createModule(owner, course.id, { title: "A" });
  const b = await createModule(owner, course.id, { title: "B" });
  const l1 = await createLesson(owner, course.id, a.id, { title: "L1" });
  const l2 = await createLesson(owner, course.id, a.id, { title: "L2" });
  const l3 = await createLesson(owner, course.id, b.id, { title: "L3" });
  return { owner, course, a, b, l1, l2, l3 };
}

describe("curriculum", () => {
  it("appends modules and lessons in dense order and counts the lessons", async () => {
    const { course } = await buildCourse();
    expect(await order(course.id)).toEqual([
      {
        title: "A",
        ord: 0,
        lessons: [
          ["L1", 0],
          ["L2", 1],
        ],
      },
      { title: "B", ord: 1, lessons: [["L3", 0]] },
    ]);
    expect(await totalLessons(course.id)).toBe(3);
  });

  it("moves lessons within and across modules and reorders modules, keeping every order dense", async () => {
    const { owner, course, a, b, l1, l3 } = await buildCourse();
    await moveLesson(owner, course.id, a.id, l1.id, { moduleId: a.id, position: 1 });
    expect((await order(course.id))[0]!.lessons).toEqual([
      ["L2", 0],
      ["L1", 1],
    ]);
    await moveLesson(owner, course.id, a.id, l1.id, { moduleId: b.id, position: 0 });
    await moveLesson(owner, course.id, b.id, l3.id, { moduleId: a.id, position: 99 });
    await reorderModules(owner, course.id, [b.id, a.id]);
    expect(await order(course.id)).toEqual([
      { title: "B", ord: 0, lessons: [["L1", 0]] },
      {
        title: "A",
        ord: 1,
        lessons: [
          ["L2", 0],
          ["L3", 1],
        ],
      },
    ]);
    expect(await totalLessons(course.id)).toBe(3);
  });

  it("refuses a reorder that does not list every module once, and a lesson or module from another path", async () => {
    const { owner, course, a, b, l3 } = await buildCourse();
    const other = await buildCourse();
    expect(await statusOf(reorderModules(owner, course.id, [a.id]))).toBe(400);
    expect(await statusOf(reorderModules(owner, course.id, [a.id, a.id]))).toBe(400);
    expect(await statusOf(reorderModules(owner, course.id, [a.id, other.a.id]))).toBe(400);
    // L3 is in module B, not A.
    expect(await statusOf(updateLesson(owner, course.id, a.id, l3.id, { title: "x" }))).toBe(404);
    expect(await statusOf(moveLesson(owner, course.id, b.id, l3.id, { moduleId: other.a.id, position: 0 }))).toBe(404);
    expect(await order(course.id)).toEqual([
      {
        title: "A",
        ord: 0,
        lessons: [
          ["L1", 0],
          ["L2", 1],
        ],
      },
      { title: "B", ord: 1, lessons: [["L3", 0]] },
    ]);
  });

  it("recomputes every enrollment's progress when lessons are added or deleted, rounding down", async () => {
    const { owner, course, a, b, l1, l2, l3 } = await buildCourse();
    const learner = await insertUser({ role: "LEARNER" });
    const [enrollment] = await db.insert(enrollments).values({ courseId: course.id, learnerId: learner.id }).returning();
    await db.insert(lessonProgress).values([
      { enrollmentId: enrollment!.id, lessonId: l1.id, completed: true, completedAt: new Date() },
      { enrollmentId: enrollment!.id, lessonId: l2.id, completed: true, completedAt: new Date() },
    ]);
    const progress = async () => (await db.select().from(enrollments).where(eq(enrollments.id, enrollment!.id)))[0]!;
    await createLesson(owner, course.id, b.id, { title: "L4" }); // 2 of 4
    expect((await progress()).progress).toBe(50);
    await deleteLesson(owner, course.id, b.id, l3.id); // 2 of 3
    expect((await progress()).progress).toBe(66);
    expect((await progress()).completedAt).toBeNull();
    await deleteModule(owner, course.id, b.id); // 2 of 2
    expect((await progress()).progress).toBe(100);
    expect((await progress()).completedAt).not.toBeNull();
    expect(await totalLessons(course.id)).toBe(2);
    await createLesson(owner, course.id, a.id, { title: "L5" }); // 2 of 3 again
    expect((await progress()).progress).toBe(66);
    expect((await progress()).completedAt).toBeNull();
  });

  it("publishes only with a title, a description and a lesson, and says what is missing", async () => {
    const owner = await insertUser({ role: "INSTRUCTOR" });
    const course = await createCourse(owner, { title: "Bare" });
    const error = (await setCoursePublished(owner, course.id, true).catch((e: unknown) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(error.userMessage).toBe("To publish, the course needs a description and at least one lesson.");
    await updateCourse(owner, course.id, { description: "Now described" });
    const mod = await createModule(owner, course.id, { title: "M" });
    await createLesson(owner, course.id, mod.id, { title: "L" });
    expect((await setCoursePublished(owner, course.id, true)).isPublished).toBe(true);
    expect((await setCoursePublished(owner, course.id, false)).isPublished).toBe(false);
  });

  it("lets only the owner and admins change a course: 404 for a draft others cannot see, 403 for a published one", async () => {
    const { owner, course, a } = await buildCourse();
    const otherInstructor = await insertUser({ role: "INSTRUCTOR" });
    const learner = await insertUser({ role: "LEARNER" });
    const admin = await insertUser({ role: "ADMIN" });
    const change = (actor: Viewer | null) => createModule(actor, course.id, { title: "Intruder" });
    expect(await statusOf(change(null))).toBe(401);
    expect(await statusOf(change(learner))).toBe(403);
    expect(await statusOf(change(otherInstructor))).toBe(404);
    await setCoursePublished(owner, course.id, true);
    expect(await statusOf(change(otherInstructor))).toBe(403);
    expect(await statusOf(deleteCourse(otherInstructor, course.id))).toBe(403);
    const [firstLesson] = await db.select().from(lessons).where(eq(lessons.moduleId, a.id)).orderBy(asc(lessons.ord));
    expect(await statusOf(updateLesson(admin, course.id, a.id, firstLesson!.id, { title: "By admin" }))).toBe(200);
    expect((await order(course.id)).map((m) => m.title)).toEqual(["A", "B"]);
  });

  it("deletes a course with its rows and every stored object under its keys", async () => {
    const { owner, course, l1 } = await buildCourse();
    const keep = await buildCourse();
    const put = (key: string) => storage.driver.put(key, Buffer.from("bytes"), { contentType: "application/pdf", size: 5 });
    const thumbnail = storageKeys.courseThumbnail(course.id, "t.png");
    const video = storageKeys.lessonVideo(l1.id, "v.mp4");
    const kept = storageKeys.lessonVideo(keep.l1.id, "v.mp4");
    await Promise.all([put(thumbnail), put(video), put(kept)]);
    await deleteCourse(owner, course.id);
    expect(await db.select().from(courses).where(eq(courses.id, course.id))).toEqual([]);
    expect(await db.select().from(lessons).where(eq(lessons.id, l1.id))).toEqual([]);
    expect(await storage.driver.head(thumbnail)).toBeNull();
    expect(await storage.driver.head(video)).toBeNull();
    expect(await storage.driver.head(kept)).not.toBeNull();
  });
});
