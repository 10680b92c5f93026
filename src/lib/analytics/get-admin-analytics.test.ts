import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { buildAnalyticsFixture, NOW, query, series, statusOf } from "../../../tests/helpers/analytics-fixture";
import { exportAdminAnalytics } from "./export-admin-analytics";
import { getAdminAnalytics } from "./get-admin-analytics";

withTestDatabase();

describe("getAdminAnalytics", () => {
  it("answers the platform's figures over 30 days", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getAdminAnalytics(f.admin, query(), NOW);
    expect(a.range).toEqual({ range: "30d", bucket: "day", from: "2026-02-17", to: "2026-03-18" });
    expect(a.usersByRole).toEqual({ ADMIN: 1, INSTRUCTOR: 2, LEARNER: 4 });
    // Bob signed up 03-11 and Dave 03-18; everyone else on 02-01.
    expect(a.signUpsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-11": 1, "2026-03-18": 1 }));
    expect(a.courses).toEqual({ published: 3, draft: 1 });
    expect(a.topByEnrollments).toEqual([
      { courseId: f.courses.data, title: 'Data, "analysis"', instructorName: "Ivy Instructor", count: 3 },
      // A tie of one each, broken by title.
      { courseId: f.courses.noLessons, title: "No lessons yet", instructorName: "Ivy Instructor", count: 1 },
      { courseId: f.courses.other, title: "Other course", instructorName: "Otto Other", count: 1 },
    ]);
    // Completions reached in the range: Carol's (03-10) and Alice's (03-15) in Data, Carol's (03-17) in Other.
    expect(a.topByCompletions).toEqual([
      { courseId: f.courses.data, title: 'Data, "analysis"', instructorName: "Ivy Instructor", count: 2 },
      { courseId: f.courses.other, title: "Other course", instructorName: "Otto Other", count: 1 },
    ]);
    expect(a.enrollmentsOverTime).toEqual(
      series("2026-02-17", 30, { "2026-03-11": 1, "2026-03-12": 1, "2026-03-14": 1, "2026-03-17": 1, "2026-03-18": 1 }),
    );
    expect(a.completionsOverTime).toEqual(series("2026-02-17", 30, { "2026-03-10": 1, "2026-03-15": 1, "2026-03-17": 1 }));
    // Videos of 1000, 0 and 500 bytes; materials of 200 and 300.
    expect(a.storage).toEqual({ videoBytes: 1500, materialBytes: 500, videoCount: 3, materialCount: 2 });
  });

  it("starts 'all' at the first sign-up and buckets it by weeks from that Monday", async () => {
    const f = await buildAnalyticsFixture();
    const a = await getAdminAnalytics(f.admin, query("all"), NOW);
    // 2026-02-01 is a Sunday: its week starts on Monday 2026-01-26.
    expect(a.range).toEqual({ range: "all", bucket: "week", from: "2026-02-01", to: "2026-03-18" });
    expect(a.signUpsOverTime).toEqual(series("2026-01-26", 8, { "2026-01-26": 5, "2026-03-09": 1, "2026-03-16": 1 }, 7));
    expect(a.enrollmentsOverTime).toEqual(series("2026-01-26", 8, { "2026-02-16": 1, "2026-03-09": 3, "2026-03-16": 2 }, 7));
    expect(a.completionsOverTime).toEqual(series("2026-01-26", 8, { "2026-03-09": 2, "2026-03-16": 1 }, 7));
    expect(a.topByEnrollments.map((t) => [t.title, t.count])).toEqual([
      ['Data, "analysis"', 4],
      ["No lessons yet", 1],
      ["Other course", 1],
    ]);
  });

  it("exports one CSV row per course, quoted and in order of enrollments", async () => {
    const f = await buildAnalyticsFixture();
    const download = await exportAdminAnalytics(f.admin, query(), NOW);
    expect(download.fileName).toBe("budhhub-courses-30d-2026-03-18.csv");
    expect(await new Response(download.body).text()).toBe(
      [
        "Course,Instructor,Status,Enrollments,Completions,Completion rate (%),Average progress (%)",
        '"Data, ""analysis""",Ivy Instructor,published,3,1,33.3,44.3',
        "No lessons yet,Ivy Instructor,draft,1,0,0,0",
        "Other course,Otto Other,published,1,1,100,100",
        "No learners yet,Ivy Instructor,published,0,0,0,0",
        "",
      ].join("\r\n"),
    );
  });

  it("is for admins only", async () => {
    const f = await buildAnalyticsFixture();
    for (const user of [f.instructor, f.learners.alice]) {
      expect(await statusOf(getAdminAnalytics(user, query(), NOW))).toBe(403);
      expect(await statusOf(exportAdminAnalytics(user, query(), NOW))).toBe(403);
    }
    expect(await statusOf(getAdminAnalytics(null, query(), NOW))).toBe(401);
    expect(await statusOf(exportAdminAnalytics(null, query(), NOW))).toBe(401);
  });
});
