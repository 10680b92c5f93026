import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { createCourse, setCoursePublished } from "@/lib/courses/manage-course";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { createModule } from "@/lib/curriculum/manage-modules";
import { enroll } from "@/lib/learning/enroll";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { buildAnalyticsFixture, NOW, query, series, statusOf } from "../../../tests/helpers/analytics-fixture";
import { getCourseAnalytics } from "./get-course-analytics";

withTestDatabase();

describe("getCourseAnalytics", () => {
  it("answers every figure of the default 30-day range", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getCourseAnalytics(f.instructor, f.courses.data, query(), NOW);
    expect(a.course).toEqual({ id: f.courses.data, title: 'Data, "analysis"', isPublished: true, totalLessons: 3 });
    expect(a.range).toEqual({ range: "30d", bucket: "day", from: "2026-02-17", to: "2026-03-18" });
    // Cohort: e1, e2, e4 (e3 enrolled 2026-02-16). Completed: e1. Progress 100, 33, 0 → 44.3.
    // Active: Alice and Bob completed lessons after 2026-03-11T12:00; Carol on 2026-03-10 (30 days only).
    expect(a.summary).toEqual({
      enrollments: 3,
      completions: 1,
      completionRate: 33.3,
      averageProgress: 44.3,
      activeLearners7d: 2,
      activeLearners30d: 3,
    });
    expect(a.enrollmentsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-11": 1, "2026-03-12": 1, "2026-03-18": 1 }));
    // Completions by the day they happened, whenever the learner enrolled: Carol's on 03-10 counts.
    expect(a.completionsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-10": 1, "2026-03-15": 1 }));
    expect(a.funnel).toEqual([
      // L1 done by e1 and e2 of 3; positions 80 and 40.
      {
        lessonId: f.lessons.L1,
        title: "L1",
        moduleTitle: "Module one",
        position: 1,
        completed: 2,
        completedPercent: 66.7,
        averageVideoPosition: 60,
        videoDuration: 100,
      },
      // L2 has no video: e1's saved position 30 is not a video position.
      {
        lessonId: f.lessons.L2,
        title: "L2",
        moduleTitle: "Module one",
        position: 2,
        completed: 1,
        completedPercent: 33.3,
        averageVideoPosition: null,
        videoDuration: null,
      },
      {
        lessonId: f.lessons.L3,
        title: "L3",
        moduleTitle: "Module two",
        position: 3,
        completed: 1,
        completedPercent: 33.3,
        averageVideoPosition: null,
        videoDuration: null,
      },
    ]);
  });

  it("counts an enrollment made exactly at the start of the range, and not one a millisecond before", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getCourseAnalytics(f.instructor, f.courses.data, query("7d"), NOW);
    expect(a.range).toEqual({ range: "7d", bucket: "day", from: "2026-03-12", to: "2026-03-18" });
    // e1 (2026-03-12T00:00:00.000Z) and e4; e2 at 2026-03-11T23:59:59.999Z is out.
    expect(a.summary).toMatchObject({ enrollments: 2, completions: 1, completionRate: 50, averageProgress: 50 });
    expect(a.enrollmentsOverTime).toEqual(series("2026-03-12", 7, { "2026-03-12": 1, "2026-03-18": 1 }));
    expect(a.completionsOverTime).toEqual(series("2026-03-12", 7, { "2026-03-15": 1 }));
    expect(a.funnel.map((s) => [s.completed, s.completedPercent, s.averageVideoPosition])).toEqual([
      [1, 50, 80],
      [1, 50, null],
      [1, 50, null],
    ]);
  });

  it("buckets by week from the Monday holding the first day, counting only what falls inside the range", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getCourseAnalytics(f.instructor, f.courses.data, query("30d", "week"), NOW);
    expect(a.range).toEqual({ range: "30d", bucket: "week", from: "2026-02-17", to: "2026-03-18" });
    // e3 (Monday 2026-02-16, 12:00) shares the first week bucket but is before the range.
    expect(a.enrollmentsOverTime).toEqual(series("2026-02-16", 5, { "2026-03-09": 2, "2026-03-16": 1 }, 7));
    expect(a.completionsOverTime).toEqual(series("2026-02-16", 5, { "2026-03-09": 2 }, 7));
  });

  it("starts 'all' on the day of the first enrollment and counts every enrollment", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getCourseAnalytics(f.instructor, f.courses.data, query("all"), NOW);
    expect(a.range).toEqual({ range: "all", bucket: "week", from: "2026-02-16", to: "2026-03-18" });
    // Progress 100, 33, 100, 0 → 58.25, rounded half away from zero.
    expect(a.summary).toMatchObject({ enrollments: 4, completions: 2, completionRate: 50, averageProgress: 58.3 });
    expect(a.enrollmentsOverTime).toEqual(series("2026-02-16", 5, { "2026-02-16": 1, "2026-03-09": 2, "2026-03-16": 1 }, 7));
    // Carol's L1 position is 0: not averaged.
    expect(a.funnel.map((s) => [s.completed, s.completedPercent, s.averageVideoPosition])).toEqual([
      [3, 75, 60],
      [2, 50, null],
      [2, 50, null],
    ]);
    const ninety = await getCourseAnalytics(f.instructor, f.courses.data, query("90d"), NOW);
    expect(ninety.range).toEqual({ range: "90d", bucket: "week", from: "2025-12-19", to: "2026-03-18" });
    expect(ninety.summary.enrollments).toBe(4);
    // 2025-12-15 (the Monday before 12-19) to 2026-03-16: 14 weeks.
    expect(ninety.enrollmentsOverTime).toHaveLength(14);
    expect(ninety.enrollmentsOverTime[0]).toEqual({ date: "2025-12-15", count: 0 });
  });

  it("answers zeros for a course nobody has enrolled in, and an empty funnel for a course without lessons", async () => {
    const f = await buildAnalyticsFixture();
    const empty = await getCourseAnalytics(f.instructor, f.courses.noLearners, query("all"), NOW);
    expect(empty.range).toEqual({ range: "all", bucket: "week", from: "2026-03-18", to: "2026-03-18" });
    expect(empty.summary).toEqual({
      enrollments: 0,
      completions: 0,
      completionRate: 0,
      averageProgress: 0,
      activeLearners7d: 0,
      activeLearners30d: 0,
    });
    expect(empty.enrollmentsOverTime).toEqual([{ date: "2026-03-16", count: 0 }]);
    expect(empty.completionsOverTime).toEqual([{ date: "2026-03-16", count: 0 }]);
    expect(empty.funnel).toEqual([
      {
        lessonId: expect.any(String),
        title: "Only lesson",
        moduleTitle: "Only module",
        position: 1,
        completed: 0,
        completedPercent: 0,
        averageVideoPosition: null,
        videoDuration: null,
      },
    ]);

    const bare = await getCourseAnalytics(f.instructor, f.courses.noLessons, query("7d"), NOW);
    expect(bare.course.totalLessons).toBe(0);
    expect(bare.summary).toEqual({
      enrollments: 1,
      completions: 0,
      completionRate: 0,
      averageProgress: 0,
      activeLearners7d: 0,
      activeLearners30d: 0,
    });
    expect(bare.enrollmentsOverTime).toEqual(series("2026-03-12", 7, { "2026-03-17": 1 }));
    expect(bare.funnel).toEqual([]);
  });

  it("lets the course's instructor and admins in; refuses others by the rule", async () => {
    const f = await buildAnalyticsFixture();
    const learner = await insertUser();
    const adminView = await getCourseAnalytics(f.admin, f.courses.data, query(), NOW);
    expect(adminView.summary.enrollments).toBe(3);
    // Published, not theirs: 403. A draft of someone else: 404, as if it did not exist.
    expect(await statusOf(getCourseAnalytics(f.otherInstructor, f.courses.data, query(), NOW))).toBe(403);
    expect(await statusOf(getCourseAnalytics(f.otherInstructor, f.courses.noLessons, query(), NOW))).toBe(404);
    expect(await statusOf(getCourseAnalytics(f.instructor, f.courses.other, query(), NOW))).toBe(403);
    expect(await statusOf(getCourseAnalytics(learner, f.courses.data, query(), NOW))).toBe(403);
    expect(await statusOf(getCourseAnalytics(null, f.courses.data, query(), NOW))).toBe(401);
    expect(await statusOf(getCourseAnalytics(f.instructor, "00000000-0000-4000-8000-00000000abcd", query(), NOW))).toBe(404);
  });

  it("follows progress down when a lesson is added after learners finished the others, and up when they finish it", async () => {
    // Through the product's own functions, on today's clock: the figures asked for do not depend on the date.
    const owner = await insertUser({ role: "INSTRUCTOR" });
    const [x, y] = [await insertUser(), await insertUser()];
    const course = await createCourse(owner, { title: "Growing", description: "Gets longer." });
    const mod = await createModule(owner, course.id, { title: "Only" });
    const l1 = await createLesson(owner, course.id, mod.id, { title: "One" });
    const l2 = await createLesson(owner, course.id, mod.id, { title: "Two" });
    await setCoursePublished(owner, course.id, true);
    const [courseId, lessonIds] = [course.id, [l1.id, l2.id]];
    await enroll(x, courseId);
    for (const id of lessonIds) await setLessonCompleted(x, courseId, id, true);
    await enroll(y, courseId);
    await setLessonCompleted(y, courseId, lessonIds[0]!, true);
    const figures = async () => {
      const a = await getCourseAnalytics(owner, courseId, query("all"));
      const completions = a.completionsOverTime.reduce((sum, p) => sum + p.count, 0);
      return {
        ...a.summary,
        totalLessons: a.course.totalLessons,
        completionsOverTime: completions,
        funnel: a.funnel.map((s) => [s.title, s.completed, s.completedPercent]),
      };
    };
    // x: 2 of 2 (100, completed); y: 1 of 2 (50).
    expect(await figures()).toEqual({
      enrollments: 2,
      completions: 1,
      completionRate: 50,
      averageProgress: 75,
      activeLearners7d: 2,
      activeLearners30d: 2,
      totalLessons: 2,
      completionsOverTime: 1,
      funnel: [
        ["One", 2, 100],
        ["Two", 1, 50],
      ],
    });

    const three = await createLesson(owner, courseId, mod.id, { title: "Three" });
    // x: 2 of 3 → 66 and no longer completed; y: 1 of 3 → 33. Mean 49.5.
    expect(await figures()).toEqual({
      enrollments: 2,
      completions: 0,
      completionRate: 0,
      averageProgress: 49.5,
      activeLearners7d: 2,
      activeLearners30d: 2,
      totalLessons: 3,
      completionsOverTime: 0,
      funnel: [
        ["One", 2, 100],
        ["Two", 1, 50],
        ["Three", 0, 0],
      ],
    });

    await setLessonCompleted(x, courseId, three.id, true);
    expect(await figures()).toMatchObject({ completions: 1, completionRate: 50, averageProgress: 66.5, completionsOverTime: 1 });
  });
});
