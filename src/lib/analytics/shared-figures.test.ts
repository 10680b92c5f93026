import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { asUser } from "../../../tests/helpers/request-as";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { db } from "@/lib/db/client";
import { courses, lessonProgress } from "@/lib/db/schema";
import { buildAnalyticsFixture, enrollmentId, query } from "./analytics-fixture";
import { getCourseAnalytics } from "./get-course-analytics";
import { analyticsChanged } from "./shared-figures";

vi.mock("next/headers", async () => (await import("../../../tests/helpers/request-as")).nextHeadersMock);

withTestDatabase();

describe("shared course figures", () => {
  it("reuses a course's figures until the course changes or a completion on this instance drops them", async () => {
    const f = await buildAnalyticsFixture();
    const positions = async () => {
      const a = await asUser(f.instructor, () => getCourseAnalytics(f.courses.data, query("all")));
      return a.funnel.map((s) => s.averageVideoPosition);
    };
    const before = await positions();
    // A saved video position does not drop the figures: the same answer comes back.
    await db.update(lessonProgress).set({ videoPosition: 600 }).where(eq(lessonProgress.enrollmentId, enrollmentId(2)));
    expect(await positions()).toEqual(before);

    analyticsChanged(f.courses.data);
    const fresh = await positions();
    expect(fresh).not.toEqual(before);

    // Any change to the course row (every lesson insert, delete and move sets updated_at) is a new key, on any instance.
    await db.update(lessonProgress).set({ videoPosition: 900 }).where(eq(lessonProgress.enrollmentId, enrollmentId(2)));
    await db.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, f.courses.data));
    expect(await positions()).not.toEqual(fresh);
  });
});
