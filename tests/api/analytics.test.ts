import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount, type Account } from "../helpers/api-client";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";

/**
 * The analytics data routes over HTTP: JSON shapes, the CSV downloads parsed back into rows, and bad input. The course
 * is built and taken over HTTP today, so only figures that do not depend on the date are asserted exactly.
 */

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      field = "";
      record = [];
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("the CSV does not end with CRLF");
  return records;
}

type CourseAnalytics = {
  course: { id: string; title: string; isPublished: boolean; totalLessons: number };
  range: { range: string; bucket: string; from: string; to: string };
  summary: Record<string, number>;
  enrollmentsOverTime: { date: string; count: number }[];
  completionsOverTime: { date: string; count: number }[];
  funnel: {
    lessonId: string;
    title: string;
    position: number;
    completed: number;
    completedPercent: number;
    averageVideoPosition: number | null;
  }[];
};

let owner: Account;
let ann: Account;
let ben: Account;
let course: BuiltCourse;
const title = `Analytics, "over HTTP" ${Date.now()}`;

beforeAll(async () => {
  [owner, ann, ben] = await Promise.all([
    newAccount("INSTRUCTOR", "analytics-owner"),
    newAccount("LEARNER", "ann"),
    newAccount("LEARNER", "ben"),
  ]);
  course = await buildCourse(owner.client, { title, lessons: 2 });
  await enrollIn(ann.client, course.courseId);
  await enrollIn(ben.client, course.courseId);
  // Ann finishes both lessons; Ben the first.
  for (const lessonId of course.lessonIds) {
    const done = await ann.client.post(`/api/my-courses/${course.courseId}/lessons/${lessonId}/complete`, { completed: true });
    expect(done.status, done.text).toBe(200);
  }
  expect(
    (await ben.client.post(`/api/my-courses/${course.courseId}/lessons/${course.lessonIds[0]}/complete`, { completed: true })).status,
  ).toBe(200);
}, 180_000);

describe("analytics over HTTP", () => {
  it("answers a course's analytics with every figure", async () => {
    const response = await owner.client.get(`/api/instructor/courses/${course.courseId}/analytics?range=all`);
    expect(response.status, response.text).toBe(200);
    const a = response.json<CourseAnalytics>();
    const today = new Date().toISOString().slice(0, 10);
    expect(a.course).toEqual({ id: course.courseId, title, isPublished: true, totalLessons: 2 });
    expect(a.range).toEqual({ range: "all", bucket: "week", from: today, to: today });
    expect(a.summary).toEqual({
      enrollments: 2,
      completions: 1,
      completionRate: 50,
      averageProgress: 75,
      activeLearners7d: 2,
      activeLearners30d: 2,
    });
    expect(a.enrollmentsOverTime).toHaveLength(1);
    expect(a.enrollmentsOverTime[0]!.count).toBe(2);
    expect(a.completionsOverTime[0]!.count).toBe(1);
    expect(a.funnel.map((s) => [s.lessonId, s.title, s.position, s.completed, s.completedPercent, s.averageVideoPosition])).toEqual([
      [course.lessonIds[0], "Lesson 1", 1, 2, 100, null],
      [course.lessonIds[1], "Lesson 2", 2, 1, 50, null],
    ]);
    // The default range is 30 days by day.
    const byDay = (await owner.client.get(`/api/instructor/courses/${course.courseId}/analytics`)).json<CourseAnalytics>();
    expect(byDay.range).toMatchObject({ range: "30d", bucket: "day", to: today });
    expect(byDay.enrollmentsOverTime).toHaveLength(30);
    expect(byDay.enrollmentsOverTime.at(-1)).toEqual({ date: today, count: 2 });
  });

  it("pages, searches and sorts the learners, and downloads all of them as CSV", async () => {
    const base = `/api/instructor/courses/${course.courseId}/analytics/learners`;
    const page = await owner.client.get(`${base}?sort=progress&dir=desc`);
    expect(page.status, page.text).toBe(200);
    const body = page.json<{
      rows: { name: string; email: string; progress: number; completedAt: string | null; lastActivityAt: string | null }[];
      total: number;
      page: number;
      pageSize: number;
    }>();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(body.rows.map((r) => [r.email, r.progress, r.completedAt !== null])).toEqual([
      [ann.email, 100, true],
      [ben.email, 50, false],
    ]);
    const searched = (await owner.client.get(`${base}?q=${encodeURIComponent(ben.email.toUpperCase())}`)).json<{
      rows: { email: string }[];
      total: number;
    }>();
    expect(searched.rows.map((r) => r.email)).toEqual([ben.email]);
    expect(searched.total).toBe(1);

    const csv = await owner.client.get(`${base}?format=csv&sort=progress&dir=asc`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const today = new Date().toISOString().slice(0, 10);
    expect(csv.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="analytics-over-http-\\d+-learners-${today}\\.csv"$`),
    );
    const records = parseCsv(csv.text);
    expect(records[0]).toEqual(["Name", "E-mail", "Enrolled at", "Progress (%)", "Completed at", "Last activity", "Certificate"]);
    expect(records.slice(1).map((r) => [r[0], r[1], r[3], r[4] === ""])).toEqual([
      [ben.name, ben.email, "50", true],
      [ann.name, ann.email, "100", false],
    ]);
  });

  it("answers the instructor's analytics across their courses", async () => {
    const response = await owner.client.get("/api/instructor/analytics?range=all&bucket=day");
    expect(response.status, response.text).toBe(200);
    const a = response.json<{ range: { bucket: string }; summary: Record<string, number>; courses: Record<string, unknown>[] }>();
    expect(a.range.bucket).toBe("day");
    expect(a.summary).toEqual({
      enrollments: 2,
      completions: 1,
      completionRate: 50,
      averageProgress: 75,
      activeLearners7d: 2,
      activeLearners30d: 2,
    });
    expect(a.courses).toEqual([
      {
        courseId: course.courseId,
        title,
        isPublished: true,
        enrollments: 2,
        completions: 1,
        completionRate: 50,
        averageProgress: 75,
        activeLearners30d: 2,
      },
    ]);
  });

  it("answers the platform analytics and its per-course CSV to admins", async () => {
    const admin = await demoAdmin();
    const response = await admin.get("/api/admin/analytics?range=7d");
    expect(response.status, response.text).toBe(200);
    const a = response.json<{
      range: { range: string; bucket: string };
      usersByRole: Record<string, number>;
      signUpsOverTime: { date: string; count: number }[];
      courses: { published: number; draft: number };
      topByEnrollments: { courseId: string; count: number }[];
      storage: Record<string, number>;
    }>();
    expect(a.range).toMatchObject({ range: "7d", bucket: "day" });
    expect(Object.keys(a.usersByRole).sort()).toEqual(["ADMIN", "INSTRUCTOR", "LEARNER"]);
    expect(a.usersByRole.ADMIN).toBeGreaterThanOrEqual(1);
    expect(a.signUpsOverTime).toHaveLength(7);
    // Ann, Ben and the owner signed up today at least.
    expect(a.signUpsOverTime.at(-1)!.count).toBeGreaterThanOrEqual(3);
    expect(a.courses.published).toBeGreaterThanOrEqual(1);
    expect(Object.keys(a.storage).sort()).toEqual(["materialBytes", "materialCount", "videoBytes", "videoCount"]);

    const csv = await admin.get("/api/admin/analytics?range=7d&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="budhhub-courses-7d-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parseCsv(csv.text);
    expect(records[0]).toEqual([
      "Course",
      "Instructor",
      "Status",
      "Enrollments",
      "Completions",
      "Completion rate (%)",
      "Average progress (%)",
    ]);
    expect(records.find((r) => r[0] === title)).toEqual([title, owner.name, "published", "2", "1", "50", "75"]);
  });

  it("refuses bad input with 400 and says what is wrong, before asking who is there", async () => {
    const anonymous = new ApiClient();
    const cases: [string, string, string][] = [
      [`/api/instructor/courses/${course.courseId}/analytics?range=1y`, "range", "Range must be 7d, 30d, 90d or all."],
      [`/api/instructor/courses/${course.courseId}/analytics?bucket=month`, "bucket", "Bucket must be day or week."],
      [`/api/instructor/courses/${course.courseId}/analytics/learners?sort=age`, "sort", "Sort by name, enrolled, progress or activity."],
      [`/api/instructor/courses/${course.courseId}/analytics/learners?page=0`, "page", "Page starts at 1."],
      [`/api/instructor/courses/${course.courseId}/analytics/learners?format=xml`, "format", "Format must be json or csv."],
      ["/api/instructor/analytics?range=365d", "range", "Range must be 7d, 30d, 90d or all."],
      ["/api/admin/analytics?format=pdf", "format", "Format must be json or csv."],
    ];
    for (const [path, field, message] of cases) {
      for (const client of [owner.client, anonymous]) {
        const response = await client.get(path);
        expect(response.status, path).toBe(400);
        expect(response.json(), path).toEqual({
          error: { code: "VALIDATION_FAILED", message: "Some parameters are not valid.", fields: { [field]: message } },
        });
      }
    }
  });
});
