import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courses, enrollments, lessonProgress, lessons, modules } from "@/lib/db/schema";
import { getCourseDetail, getMyCourse } from "./course-detail";
import { enroll } from "./enroll";
import { getLessonForLearner } from "./lesson-for-learner";
import { LAST_ACCESS_REFRESH_MS, recordLessonOpened, setLessonCompleted } from "./lesson-progress";
import { filterEnrollments, listMyEnrollments, whereToContinue } from "./list-my-enrollments";

withTestDatabase();

/** A published course of two modules (`perModule` lessons each), with total_lessons kept as the app keeps it. */
async function publishedCourse(title: string, perModule = 2) {
  const instructor = await insertUser({ role: "INSTRUCTOR" });
  const [course] = await db
    .insert(courses)
    .values({ instructorId: instructor.id, title, isPublished: true, publishedAt: new Date(), totalLessons: 2 * perModule })
    .returning({ id: courses.id });
  const lessonIds: string[] = [];
  for (const ord of [0, 1]) {
    const [module] = await db
      .insert(modules)
      .values({ courseId: course!.id, title: `M${ord}`, ord })
      .returning({ id: modules.id });
    const rows = await db
      .insert(lessons)
      .values(Array.from({ length: perModule }, (_, i) => ({ moduleId: module!.id, title: `${title} ${ord * perModule + i + 1}`, ord: i })))
      .returning({ id: lessons.id, ord: lessons.ord });
    lessonIds.push(...rows.sort((a, b) => a.ord - b.ord).map((r) => r.id));
  }
  return { courseId: course!.id, lessonIds };
}

const progressRows = async (learnerId: string) =>
  db
    .select({ lessonId: lessonProgress.lessonId, updatedAt: lessonProgress.updatedAt })
    .from(lessonProgress)
    .innerJoin(enrollments, eq(enrollments.id, lessonProgress.enrollmentId))
    .where(eq(enrollments.learnerId, learnerId));

const lastAccess = async (learnerId: string, courseId: string) =>
  (await db.select().from(enrollments).where(eq(enrollments.learnerId, learnerId))).find((e) => e.courseId === courseId)!.lastAccessedAt;

describe("my enrollments: Start, Continue, and where to continue", () => {
  it("says Start until a lesson is opened, then Continue at the lesson opened last", async () => {
    const python = await publishedCourse("Python");
    const learner = await insertUser();
    await enroll(learner, python.courseId);
    expect(await listMyEnrollments(learner)).toEqual([
      expect.objectContaining({ courseId: python.courseId, started: false, lastOpenedAt: null, nextLessonId: python.lessonIds[0] }),
    ]);
    expect((await getCourseDetail(learner, python.courseId)).enrollment).toMatchObject({
      started: false,
      nextLessonId: python.lessonIds[0],
    });

    // Rendering a lesson is not a visit (Next renders linked pages to prefetch them): still Start.
    await getLessonForLearner(learner, python.courseId, python.lessonIds[1]!);
    expect((await listMyEnrollments(learner))[0]).toMatchObject({ started: false, nextLessonId: python.lessonIds[0] });

    // Opening the third lesson (in the second module) is where the learner stopped, though nothing is complete.
    await recordLessonOpened(learner, python.courseId, python.lessonIds[2]!);
    const [opened] = await listMyEnrollments(learner);
    expect(opened).toMatchObject({
      started: true,
      progress: 0,
      nextLessonId: python.lessonIds[2],
      nextLesson: { title: "Python 3", position: 3 },
    });
    expect(opened!.lastOpenedAt).toBeInstanceOf(Date);
    expect((await getCourseDetail(learner, python.courseId)).enrollment).toMatchObject({
      started: true,
      nextLessonId: python.lessonIds[2],
    });
    expect((await getMyCourse(learner, python.courseId)).nextLessonId).toBe(python.lessonIds[2]);

    // Done with it: Continue moves on to the next lesson not completed.
    await setLessonCompleted(learner, python.courseId, python.lessonIds[2]!, true);
    expect((await listMyEnrollments(learner))[0]).toMatchObject({ nextLessonId: python.lessonIds[3], progress: 25 });
  });

  it("writes nothing when the lesson opened last is visited again within the refresh, and records another lesson at once", async () => {
    const { courseId, lessonIds } = await publishedCourse("Rust");
    const learner = await insertUser();
    await enroll(learner, courseId);
    await recordLessonOpened(learner, courseId, lessonIds[0]!);
    const [first] = await progressRows(learner.id);
    const accessed = await lastAccess(learner.id, courseId);
    await recordLessonOpened(learner, courseId, lessonIds[0]!);
    expect(await progressRows(learner.id)).toEqual([first]);
    expect(await lastAccess(learner.id, courseId)).toEqual(accessed);

    await recordLessonOpened(learner, courseId, lessonIds[1]!);
    expect((await listMyEnrollments(learner))[0]!.nextLessonId).toBe(lessonIds[1]);
    // Back to the first lesson: it becomes the last one opened again, even within the refresh.
    await recordLessonOpened(learner, courseId, lessonIds[0]!);
    expect((await listMyEnrollments(learner))[0]!.nextLessonId).toBe(lessonIds[0]);

    // After the refresh, opening the same lesson again moves the last access on.
    const stale = new Date(Date.now() - 2 * LAST_ACCESS_REFRESH_MS);
    await db.update(enrollments).set({ lastAccessedAt: stale }).where(eq(enrollments.learnerId, learner.id));
    await recordLessonOpened(learner, courseId, lessonIds[0]!);
    expect((await lastAccess(learner.id, courseId))!.getTime()).toBeGreaterThan(stale.getTime() + LAST_ACCESS_REFRESH_MS);
  });

  it("continues the unfinished course opened last, and filters by in progress and completed", async () => {
    const [go, sql, css, unopened] = await Promise.all(["Go", "SQL", "CSS", "Unopened"].map((t) => publishedCourse(t, 1)));
    const learner = await insertUser();
    for (const c of [go, sql, css, unopened]) await enroll(learner, c!.courseId);
    await recordLessonOpened(learner, go!.courseId, go!.lessonIds[1]!);
    await recordLessonOpened(learner, sql!.courseId, sql!.lessonIds[0]!);
    // CSS is finished, and was used last: the dashboard continues SQL, the unfinished course opened last.
    for (const id of css!.lessonIds) await setLessonCompleted(learner, css!.courseId, id, true);
    const mine = await listMyEnrollments(learner);
    expect(whereToContinue(mine)).toMatchObject({ courseId: sql!.courseId, nextLessonId: sql!.lessonIds[0] });
    expect(filterEnrollments(mine, "completed").map((e) => e.title)).toEqual(["CSS"]);
    expect(new Set(filterEnrollments(mine, "in-progress").map((e) => e.title))).toEqual(new Set(["Go", "SQL", "Unopened"]));
    expect(filterEnrollments(mine, "all")).toHaveLength(4);
    expect(mine.find((e) => e.title === "Unopened")).toMatchObject({ started: false });

    // Someone else's enrollments are not in the list, and a learner with none has nothing to continue.
    const other = await insertUser();
    expect(await listMyEnrollments(other)).toEqual([]);
    expect(whereToContinue(await listMyEnrollments(other))).toBeNull();
  });
});
