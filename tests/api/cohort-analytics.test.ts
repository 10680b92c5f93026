import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount, type Account } from "../helpers/api-client";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";

/**
 * The cohort filter of the analytics routes over HTTP: with ?cohortId=, a course's figures, its learners and their CSV,
 * the instructor overview and the platform figures count the cohort's members only; without it nothing changes. A
 * malformed id is a 400 that names the field, a cohort that does not exist a 404.
 */

type Summary = { enrollments: number; completions: number; completionRate: number; averageProgress: number };
type CourseAnalytics = {
  cohort: { id: string; name: string } | null;
  summary: Summary;
  enrollmentsOverTime: { date: string; count: number }[];
  funnel: { completed: number; completedPercent: number }[];
};

let owner: Account;
let ann: Account;
let ben: Account;
let admin: ApiClient;
let course: BuiltCourse;
let cohortId: string;
const cohortName = `Morning class ${Date.now()}`;
const title = `Cohort analytics ${Date.now()}`;

beforeAll(async () => {
  [owner, ann, ben] = await Promise.all([
    newAccount("INSTRUCTOR", "cohort-analytics-owner"),
    newAccount("LEARNER", "cohort-ann"),
    newAccount("LEARNER", "cohort-ben"),
  ]);
  admin = await demoAdmin();
  course = await buildCourse(owner.client, { title, lessons: 2 });
  await enrollIn(ann.client, course.courseId);
  await enrollIn(ben.client, course.courseId);
  // Ben finishes both lessons; Ann, the cohort's member, the first.
  for (const lessonId of course.lessonIds) {
    const done = await ben.client.post(`/api/my-courses/${course.courseId}/lessons/${lessonId}/complete`, { completed: true });
    expect(done.status, done.text).toBe(200);
  }
  const first = await ann.client.post(`/api/my-courses/${course.courseId}/lessons/${course.lessonIds[0]}/complete`, { completed: true });
  expect(first.status, first.text).toBe(200);
  const created = await admin.post("/api/admin/cohorts", { name: cohortName });
  expect(created.status, created.text).toBe(201);
  cohortId = created.json<{ cohort: { id: string } }>().cohort.id;
  const added = await admin.post(`/api/admin/cohorts/${cohortId}/members`, { userIds: [ann.id] });
  expect(added.status, added.text).toBe(200);
}, 180_000);

describe("analytics by cohort over HTTP", () => {
  it("counts only the members in a course's figures, and nothing changes without the filter", async () => {
    const base = `/api/instructor/courses/${course.courseId}/analytics?range=all`;
    const every = await owner.client.get(base);
    expect(every.status, every.text).toBe(200);
    const all = every.json<CourseAnalytics>();
    expect(all.cohort).toBeNull();
    expect(all.summary).toMatchObject({ enrollments: 2, completions: 1, completionRate: 50, averageProgress: 75 });

    const filtered = await owner.client.get(`${base}&cohortId=${cohortId}`);
    expect(filtered.status, filtered.text).toBe(200);
    const a = filtered.json<CourseAnalytics>();
    expect(a.cohort).toEqual({ id: cohortId, name: cohortName });
    expect(a.summary).toMatchObject({ enrollments: 1, completions: 0, completionRate: 0, averageProgress: 50 });
    expect(a.enrollmentsOverTime.reduce((n, p) => n + p.count, 0)).toBe(1);
    expect(a.funnel.map((s) => [s.completed, s.completedPercent])).toEqual([
      [1, 100],
      [0, 0],
    ]);
    expect((await owner.client.get(base)).json<CourseAnalytics>().summary).toEqual(all.summary);
  });

  it("lists and downloads the members among the course's learners", async () => {
    const base = `/api/instructor/courses/${course.courseId}/analytics/learners`;
    const page = (await owner.client.get(`${base}?cohortId=${cohortId}`)).json<{ rows: { email: string }[]; total: number }>();
    expect(page.rows.map((r) => r.email)).toEqual([ann.email]);
    expect(page.total).toBe(1);
    const csv = await owner.client.get(`${base}?format=csv&cohortId=${cohortId}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(ann.email);
    expect(csv.text).not.toContain(ben.email);
  });

  it("narrows the instructor overview and the platform figures and CSV", async () => {
    const mine = (await owner.client.get(`/api/instructor/analytics?range=all&cohortId=${cohortId}`)).json<{
      cohort: { name: string };
      summary: Summary;
      courses: { courseId: string; enrollments: number }[];
    }>();
    expect(mine.cohort.name).toBe(cohortName);
    expect(mine.summary.enrollments).toBe(1);
    expect(mine.courses).toEqual([expect.objectContaining({ courseId: course.courseId, enrollments: 1 })]);

    const platform = (await admin.get(`/api/admin/analytics?range=all&cohortId=${cohortId}`)).json<{
      usersByRole: Record<string, number>;
      topByEnrollments: { courseId: string; count: number }[];
    }>();
    expect(platform.usersByRole).toEqual({ ADMIN: 0, INSTRUCTOR: 0, LEARNER: 1 });
    expect(platform.topByEnrollments).toEqual([expect.objectContaining({ courseId: course.courseId, count: 1 })]);
    const csv = await admin.get(`/api/admin/analytics?range=all&format=csv&cohortId=${cohortId}`);
    expect(csv.status).toBe(200);
    expect(csv.text.split("\r\n").find((l) => l.startsWith(`${title},`))).toMatch(/,published,1,0,0,50$/);
  });

  it("refuses a malformed cohort id with 400 naming the field, and answers 404 for one that does not exist", async () => {
    for (const path of [
      `/api/instructor/courses/${course.courseId}/analytics`,
      `/api/instructor/courses/${course.courseId}/analytics/learners`,
      "/api/instructor/analytics",
      "/api/admin/analytics",
    ]) {
      const client = path.startsWith("/api/admin") ? admin : owner.client;
      const bad = await client.get(`${path}?cohortId=morning`);
      expect(bad.status, path).toBe(400);
      expect(bad.json(), path).toEqual({
        error: {
          code: "VALIDATION_FAILED",
          message: "Some parameters are not valid.",
          fields: { cohortId: "Cohort must be a cohort's id." },
        },
      });
      const unknown = await client.get(`${path}?cohortId=00000000-0000-4000-8000-00000000c0de`);
      expect(unknown.status, path).toBe(404);
      expect(unknown.json<{ error: { message: string } }>().error.message, path).toBe("That cohort was not found.");
    }
  });
});
