import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { buildAnalyticsFixture, NOW, query, series, statusOf } from "../../../tests/helpers/analytics-fixture";
import { getInstructorAnalytics } from "./get-instructor-analytics";

withTestDatabase();

describe("getInstructorAnalytics", () => {
  it("adds up the instructor's own courses and lists each of them", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getInstructorAnalytics(f.instructor, query(), NOW);
    expect(a.range).toEqual({ range: "30d", bucket: "day", from: "2026-02-17", to: "2026-03-18" });
    // Cohort: e1, e2, e4 (Data) and e5 (No lessons yet); progress 100, 33, 0, 0 → 33.25 → 33.3. Otto's e6 is not Ivy's.
    // Active: Alice and Bob in 7 days; Carol's Data lessons (03-10, 03-01, 02-20) in 30; her 03-17 one is Otto's course.
    expect(a.summary).toEqual({
      enrollments: 4,
      completions: 1,
      completionRate: 25,
      averageProgress: 33.3,
      activeLearners7d: 2,
      activeLearners30d: 3,
    });
    expect(a.enrollmentsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-11": 1, "2026-03-12": 1, "2026-03-17": 1, "2026-03-18": 1 }));
    expect(a.completionsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-10": 1, "2026-03-15": 1 }));
    expect(a.courses).toEqual([
      {
        courseId: f.courses.data,
        title: 'Data, "analysis"',
        isPublished: true,
        enrollments: 3,
        completions: 1,
        completionRate: 33.3,
        averageProgress: 44.3,
        activeLearners30d: 3,
      },
      {
        courseId: f.courses.noLessons,
        title: "No lessons yet",
        isPublished: false,
        enrollments: 1,
        completions: 0,
        completionRate: 0,
        averageProgress: 0,
        activeLearners30d: 0,
      },
      {
        courseId: f.courses.noLearners,
        title: "No learners yet",
        isPublished: true,
        enrollments: 0,
        completions: 0,
        completionRate: 0,
        averageProgress: 0,
        activeLearners30d: 0,
      },
    ]);
  });

  it("shows another instructor only their own course, and an admin the courses they teach (none)", async () => {
    const f = await buildAnalyticsFixture();
    const otto = await getInstructorAnalytics(f.otherInstructor, query("7d"), NOW);
    expect(otto.summary).toEqual({
      enrollments: 1,
      completions: 1,
      completionRate: 100,
      averageProgress: 100,
      activeLearners7d: 1,
      activeLearners30d: 1,
    });
    expect(otto.courses.map((c) => [c.title, c.enrollments, c.activeLearners30d])).toEqual([["Other course", 1, 1]]);
    expect(otto.enrollmentsOverTime).toEqual(series("2026-03-12", 7, { "2026-03-14": 1 }));
    expect(otto.completionsOverTime).toEqual(series("2026-03-12", 7, { "2026-03-17": 1 }));

    const admin = await getInstructorAnalytics(f.admin, query("all"), NOW);
    expect(admin.range).toEqual({ range: "all", bucket: "week", from: "2026-03-18", to: "2026-03-18" });
    expect(admin.summary).toEqual({
      enrollments: 0,
      completions: 0,
      completionRate: 0,
      averageProgress: 0,
      activeLearners7d: 0,
      activeLearners30d: 0,
    });
    expect(admin.courses).toEqual([]);
    expect(admin.enrollmentsOverTime).toEqual([{ date: "2026-03-16", count: 0 }]);
  });

  it("refuses learners and anonymous requests", async () => {
    const f = await buildAnalyticsFixture();
    expect(await statusOf(getInstructorAnalytics(f.learners.alice, query(), NOW))).toBe(403);
    expect(await statusOf(getInstructorAnalytics(null, query(), NOW))).toBe(401);
  });
});
