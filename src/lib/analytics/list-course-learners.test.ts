import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { db } from "@/lib/db/client";
import { enrollments, users } from "@/lib/db/schema";
import { learnersQuerySchema } from "@/lib/validation/analytics";
import { buildAnalyticsFixture, enrollmentId, statusOf } from "../../../tests/helpers/analytics-fixture";
import { listCourseLearners } from "./list-course-learners";

withTestDatabase();

const learners = (q: Record<string, string> = {}) => learnersQuerySchema.parse(q);
const ids = (page: { rows: { enrollmentId: string }[] }) => page.rows.map((r) => r.enrollmentId);
const [e1, e2, e3, e4] = [1, 2, 3, 4].map(enrollmentId);

describe("listCourseLearners", () => {
  it("lists name, e-mail, enrolment, progress, completion and last activity, newest enrolment first", async () => {
    const f = await buildAnalyticsFixture();
    const page = await listCourseLearners(f.instructor, f.courses.data, learners());
    expect(page).toEqual({
      total: 4,
      page: 1,
      pageSize: 25,
      rows: [
        // Never opened a lesson: no last activity.
        {
          enrollmentId: e4,
          learnerId: f.learners.dave.id,
          name: null,
          email: "dave@example.test",
          enrolledAt: "2026-03-18T11:00:00.000Z",
          progress: 0,
          completedAt: null,
          lastActivityAt: null,
          certificateCode: null,
        },
        // The position saved on 03-16 is later than the last access (03-15).
        {
          enrollmentId: e1,
          learnerId: f.learners.alice.id,
          name: "Alice Zephyr",
          email: "alice@example.test",
          enrolledAt: "2026-03-12T00:00:00.000Z",
          progress: 100,
          completedAt: "2026-03-15T10:00:00.000Z",
          lastActivityAt: "2026-03-16T09:00:00.000Z",
          certificateCode: null,
        },
        {
          enrollmentId: e2,
          learnerId: f.learners.bob.id,
          name: "bob",
          email: "bob@example.test",
          enrolledAt: "2026-03-11T23:59:59.999Z",
          progress: 33,
          completedAt: null,
          lastActivityAt: "2026-03-12T08:00:00.000Z",
          certificateCode: null,
        },
        {
          enrollmentId: e3,
          learnerId: f.learners.carol.id,
          name: "Carol",
          email: "c.arol@example.test",
          enrolledAt: "2026-02-16T12:00:00.000Z",
          progress: 100,
          completedAt: "2026-03-10T09:00:00.000Z",
          lastActivityAt: "2026-03-10T09:00:00.000Z",
          certificateCode: null,
        },
      ],
    });
  });

  it("sorts by each column both ways, ties broken by enrolment id in the same direction", async () => {
    const f = await buildAnalyticsFixture();
    const order = async (sort: string, dir: string) => ids(await listCourseLearners(f.instructor, f.courses.data, learners({ sort, dir })));
    expect(await order("enrolled", "asc")).toEqual([e3, e2, e1, e4]);
    // Case-insensitive; a learner without a name sorts by e-mail.
    expect(await order("name", "asc")).toEqual([e1, e2, e3, e4]);
    expect(await order("name", "desc")).toEqual([e4, e3, e2, e1]);
    // e1 and e3 are both at 100.
    expect(await order("progress", "desc")).toEqual([e3, e1, e2, e4]);
    expect(await order("progress", "asc")).toEqual([e4, e2, e1, e3]);
    // No activity sorts as the oldest.
    expect(await order("activity", "desc")).toEqual([e1, e2, e3, e4]);
    expect(await order("activity", "asc")).toEqual([e4, e3, e2, e1]);
  });

  it("searches name and e-mail without regard to case, and takes % and _ literally", async () => {
    const f = await buildAnalyticsFixture();
    const search = (q: string) => listCourseLearners(f.instructor, f.courses.data, learners({ q }));
    expect(ids(await search("ALICE"))).toEqual([e1]);
    expect(ids(await search("c.arol"))).toEqual([e3]);
    expect(ids(await search("Dave"))).toEqual([e4]);
    expect(await search("%")).toMatchObject({ rows: [], total: 0 });
    expect(await search("_")).toMatchObject({ rows: [], total: 0 });
    expect((await search("example.test")).total).toBe(4);
  });

  it("pages by 25 with the total, never repeating or skipping a row across pages", async () => {
    const f = await buildAnalyticsFixture();
    const made = await db
      .insert(users)
      .values(Array.from({ length: 30 }, (_, i) => ({ email: `p${i + 1}@example.test`, name: `P ${i + 1}`, role: "LEARNER" as const })))
      .returning({ id: users.id, email: users.email });
    // Enrolled a minute apart, all at progress 0 (a tie across the page boundary when sorting by progress).
    await db.insert(enrollments).values(
      made.map((u, i) => ({
        id: enrollmentId(100 + i + 1),
        courseId: f.courses.noLearners,
        learnerId: u.id,
        enrolledAt: new Date(Date.parse("2026-03-01T00:00:00Z") + (i + 1) * 60_000),
      })),
    );
    const page = (n: number, sort = "enrolled", dir = "desc") =>
      listCourseLearners(f.instructor, f.courses.noLearners, learners({ page: String(n), sort, dir }));
    const first = await page(1);
    const second = await page(2);
    expect(first.total).toBe(30);
    expect(first.rows.map((r) => r.email)).toEqual(Array.from({ length: 25 }, (_, i) => `p${30 - i}@example.test`));
    expect(second.rows.map((r) => r.email)).toEqual([
      "p5@example.test",
      "p4@example.test",
      "p3@example.test",
      "p2@example.test",
      "p1@example.test",
    ]);
    expect(await page(3)).toMatchObject({ rows: [], total: 30, page: 3 });
    const byProgress = [...ids(await page(1, "progress", "asc")), ...ids(await page(2, "progress", "asc"))];
    expect(byProgress).toEqual(Array.from({ length: 30 }, (_, i) => enrollmentId(100 + i + 1)));
  });

  it("is for the course's instructor and admins", async () => {
    const f = await buildAnalyticsFixture();
    expect((await listCourseLearners(f.admin, f.courses.data, learners())).total).toBe(4);
    expect(await statusOf(listCourseLearners(f.otherInstructor, f.courses.data, learners()))).toBe(403);
    expect(await statusOf(listCourseLearners(f.otherInstructor, f.courses.noLessons, learners()))).toBe(404);
    expect(await statusOf(listCourseLearners(f.learners.alice, f.courses.data, learners()))).toBe(403);
    expect(await statusOf(listCourseLearners(null, f.courses.data, learners()))).toBe(401);
  });
});
