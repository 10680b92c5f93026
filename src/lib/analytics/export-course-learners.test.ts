import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { db } from "@/lib/db/client";
import { enrollments, users } from "@/lib/db/schema";
import { learnersQuerySchema } from "@/lib/validation/analytics";
import { buildAnalyticsFixture, enrollmentId, NOW, statusOf } from "../../../tests/helpers/analytics-fixture";
import { exportCourseLearners } from "./export-course-learners";

withTestDatabase();

const learners = (q: Record<string, string> = {}) => learnersQuerySchema.parse(q);
const HEADER = "Name,E-mail,Enrolled at,Progress (%),Completed at,Last activity,Certificate";

async function addLearners(courseId: string, people: { name: string; email: string; progress?: number }[], firstId = 100) {
  const made = await db
    .insert(users)
    .values(people.map((p) => ({ email: p.email, name: p.name, role: "LEARNER" as const })))
    .returning({ id: users.id });
  await db.insert(enrollments).values(
    made.map((u, i) => ({
      id: enrollmentId(firstId + i),
      courseId,
      learnerId: u.id,
      enrolledAt: new Date("2026-03-01T00:00:00Z"),
      progress: people[i]!.progress ?? 0,
    })),
  );
}

describe("exportCourseLearners", () => {
  it("writes every learner matching the search, in the table's order, named after the course and the day", async () => {
    const f = await buildAnalyticsFixture();
    const download = await exportCourseLearners(f.instructor, f.courses.data, learners({ sort: "name", dir: "asc" }), NOW);
    expect(download.fileName).toBe("data-analysis-learners-2026-03-18.csv");
    expect(await new Response(download.body).text()).toBe(
      [
        HEADER,
        "Alice Zephyr,alice@example.test,2026-03-12T00:00:00.000Z,100,2026-03-15T10:00:00.000Z,2026-03-16T09:00:00.000Z,",
        "bob,bob@example.test,2026-03-11T23:59:59.999Z,33,,2026-03-12T08:00:00.000Z,",
        "Carol,c.arol@example.test,2026-02-16T12:00:00.000Z,100,2026-03-10T09:00:00.000Z,2026-03-10T09:00:00.000Z,",
        ",dave@example.test,2026-03-18T11:00:00.000Z,0,,,",
        "",
      ].join("\r\n"),
    );
    const searched = await exportCourseLearners(f.instructor, f.courses.data, learners({ q: "O", sort: "progress" }), NOW);
    // An "o" only in "bob" and "Carol"; progress descending.
    const lines = (await new Response(searched.body).text()).split("\r\n");
    expect(lines.map((l) => l.split(",")[1])).toEqual(["E-mail", "c.arol@example.test", "bob@example.test", undefined]);
  });

  it("guards names that would run as spreadsheet formulas, and quotes what needs quoting", async () => {
    const f = await buildAnalyticsFixture();
    await addLearners(f.courses.noLearners, [
      { name: '=HYPERLINK("http://evil.test","x")', email: "a@example.test" },
      { name: "+1", email: "b@example.test" },
      { name: "-2", email: "c@example.test" },
      { name: "@SUM(A1)", email: "d@example.test" },
      { name: "Smith, Jane", email: "e@example.test" },
      { name: "Two\nlines", email: "f@example.test" },
    ]);
    const download = await exportCourseLearners(f.instructor, f.courses.noLearners, learners({ sort: "enrolled", dir: "asc" }), NOW);
    const text = await new Response(download.body).text();
    const names = text
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.slice(0, line.indexOf(",", line.startsWith('"') ? line.lastIndexOf('"') : 0)));
    expect(names).toEqual([`"'=HYPERLINK(""http://evil.test"",""x"")"`, "'+1", "'-2", "'@SUM(A1)", '"Smith, Jane"', '"Two\nlines"']);
  });

  it("reads batch after batch in order, with ties broken by enrolment id across the batches", async () => {
    const f = await buildAnalyticsFixture();
    const count = 305;
    // Progress 0, 10 or 20 by i mod 3: long runs of ties that cross the batch boundary.
    await addLearners(
      f.courses.noLearners,
      Array.from({ length: count }, (_, i) => ({ name: `L ${i}`, email: `l${i}@example.test`, progress: (i % 3) * 10 })),
    );
    const download = await exportCourseLearners(f.instructor, f.courses.noLearners, learners({ sort: "progress", dir: "asc" }), NOW, 100);
    const emails = (await new Response(download.body).text())
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[1]);
    const expected = [0, 1, 2].flatMap((rest) =>
      Array.from({ length: count }, (_, i) => i)
        .filter((i) => i % 3 === rest)
        .map((i) => `l${i}@example.test`),
    );
    expect(emails).toHaveLength(count);
    expect(emails).toEqual(expected);
  });

  it("is for the course's instructor and admins, refused before anything is sent", async () => {
    const f = await buildAnalyticsFixture();
    expect(await statusOf(exportCourseLearners(f.admin, f.courses.data, learners(), NOW))).toBe(200);
    expect(await statusOf(exportCourseLearners(f.otherInstructor, f.courses.data, learners(), NOW))).toBe(403);
    expect(await statusOf(exportCourseLearners(f.otherInstructor, f.courses.noLessons, learners(), NOW))).toBe(404);
    expect(await statusOf(exportCourseLearners(f.learners.bob, f.courses.data, learners(), NOW))).toBe(403);
    expect(await statusOf(exportCourseLearners(null, f.courses.data, learners(), NOW))).toBe(401);
  });
});
