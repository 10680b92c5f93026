import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { courses, lessonProgress } from "@/lib/db/schema";
import { enroll } from "@/lib/learning/enroll";
import { buildAnalyticsFixture, enrollmentId, query } from "../../../tests/helpers/analytics-fixture";
import { getCourseAnalytics } from "./get-course-analytics";
import { analyticsChanged } from "./shared-figures";

withTestDatabase();

describe("shared course figures", () => {
  it("reuses a course's figures until the course changes or a completion on this instance drops them", async () => {
    const f = await buildAnalyticsFixture();
    const positions = async () => {
      const a = await getCourseAnalytics(f.instructor, f.courses.data, query("all"));
      return a.funnel.map((s) => s.averageVideoPosition);
    };
    const before = await positions();
    // A saved video position does not drop the figures: the same answer comes back.
    await db
      .update(lessonProgress)
      .set({ videoPosition: 600 })
      .where(eq(lessonProgress.enrollmentId, enrollmentId(2)));
    expect(await positions()).toEqual(before);

    analyticsChanged(f.courses.data);
    const fresh = await positions();
    expect(fresh).not.toEqual(before);

    // Any change to the course row (every lesson insert, delete and move sets updated_at) is a new key, on any instance.
    await db
      .update(lessonProgress)
      .set({ videoPosition: 900 })
      .where(eq(lessonProgress.enrollmentId, enrollmentId(2)));
    await db.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, f.courses.data));
    expect(await positions()).not.toEqual(fresh);
  });

  it("shows a new learner at once: enrolling changes the course's enrollment count, and with it the key", async () => {
    const f = await buildAnalyticsFixture();
    const enrollments = async () => (await getCourseAnalytics(f.instructor, f.courses.data, query("all"))).summary.enrollments;
    const before = await enrollments();
    await enroll(await insertUser(), f.courses.data);
    expect(await enrollments()).toBe(before + 1);
  });
});
