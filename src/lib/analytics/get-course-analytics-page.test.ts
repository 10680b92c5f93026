import { describe, expect, it } from "vitest";
import { buildAnalyticsFixture, enrollmentId, query, statusOf } from "../../../tests/helpers/analytics-fixture";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { learnersQuerySchema } from "@/lib/validation/analytics";
import { getCourseAnalyticsPage } from "./get-course-analytics-page";

withTestDatabase();

const learners = (q: Record<string, string> = {}) => learnersQuerySchema.parse(q);

describe("getCourseAnalyticsPage", () => {
  it("answers the course's facts, its figures and a page of its learners together", async () => {
    const f = await buildAnalyticsFixture();
    const { analytics, learners: page } = await getCourseAnalyticsPage(
      f.instructor,
      f.courses.data,
      query("all"),
      learners({ sort: "name", dir: "asc" }),
    );
    expect(analytics.course).toEqual({ id: f.courses.data, title: 'Data, "analysis"', isPublished: true, totalLessons: 3 });
    expect(analytics.funnel.map((s) => s.title)).toEqual(["L1", "L2", "L3"]);
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 25 });
    expect(page.rows.map((r) => r.enrollmentId)).toEqual([1, 2, 3, 4].map(enrollmentId));

    const draft = await getCourseAnalyticsPage(f.admin, f.courses.noLessons, query("all"), learners());
    expect(draft.analytics.course).toEqual({ id: f.courses.noLessons, title: "No lessons yet", isPublished: false, totalLessons: 0 });
    expect(draft.learners.total).toBe(1);
  });

  it("is for the course's instructor and admins, by the same rule as each part", async () => {
    const f = await buildAnalyticsFixture();
    const open = (viewer: Parameters<typeof getCourseAnalyticsPage>[0], courseId: string) =>
      statusOf(getCourseAnalyticsPage(viewer, courseId, query(), learners()));
    expect(await open(f.otherInstructor, f.courses.data)).toBe(403);
    expect(await open(f.otherInstructor, f.courses.noLessons)).toBe(404);
    expect(await open(await insertUser(), f.courses.data)).toBe(403);
    expect(await open(null, f.courses.data)).toBe(401);
    expect(await open(f.instructor, "00000000-0000-4000-8000-00000000abcd")).toBe(404);
  });
});
