import { beforeAll, describe, expect, it } from "vitest";
import { demoAdmin, newAccount, type Account, type ApiClient } from "../helpers/api-client";
import { buildCourse, enrollIn, type BuiltCourse } from "../helpers/learning-fixtures";

/**
 * Enrollment by staff over HTTP: the course's instructor enrolls learners (one already enrolled is reported and left
 * as is), the course's count follows; an end date makes the course read-only for that learner (the writes are 403s
 * that say so, reading still works); unenrolling removes the enrollment; a course with self-enrollment off refuses a
 * learner's own enroll with the school's message.
 */

const ENDED = "Your enrollment in this course has ended";

let owner: Account;
let admin: ApiClient;
let course: BuiltCourse;
let a: Account;
let b: Account;
let c: Account;

const enrollments = () => `/api/instructor/courses/${course.courseId}/enrollments`;
const countOf = async (client: ApiClient, courseId = course.courseId) =>
  (await client.get(`/api/courses/${courseId}`)).json<{ course: { enrollmentCount: number } }>().course.enrollmentCount;

beforeAll(async () => {
  [owner, a, b, c] = await Promise.all([
    newAccount("INSTRUCTOR", "staff-owner"),
    newAccount("LEARNER", "staff-a"),
    newAccount("LEARNER", "staff-b"),
    newAccount("LEARNER", "staff-c"),
  ]);
  admin = await demoAdmin();
  course = await buildCourse(owner.client, { title: "Staff enrollment", lessons: 2 });
}, 180_000);

describe("enrollment by staff", () => {
  it("enrolls users, reports the one already enrolled, and counts each once", async () => {
    await enrollIn(a.client, course.courseId);
    expect(await countOf(owner.client)).toBe(1);
    const response = await owner.client.post(enrollments(), { userIds: [a.id, b.id] });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ enrolled: [b.id], alreadyEnrolled: [a.id], cohort: null });
    expect(await countOf(owner.client)).toBe(2);
    // b opens the lessons now.
    expect((await b.client.get(`/api/my-courses/${course.courseId}`)).status).toBe(200);
  });

  it("refuses both userIds and a cohortId, an unknown user, and neither, writing nothing", async () => {
    for (const body of [{ userIds: [c.id], cohortId: "00000000-0000-4000-8000-000000000000" }, {}, { userIds: [c.id, "no-such-user"] }]) {
      const response = await owner.client.post(enrollments(), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await countOf(owner.client)).toBe(2);
  });

  it("an end date in the past makes the course read-only for that learner: writes are 403s that say so", async () => {
    const lesson = course.lessonIds[0]!;
    expect((await b.client.post(`/api/my-courses/${course.courseId}/lessons/${lesson}/complete`, { completed: true })).status).toBe(200);
    const past = new Date(Date.now() - 60_000).toISOString();
    const set = await admin.patch(`${enrollments()}/${b.id}`, { endsAt: past });
    expect(set.status).toBe(200);
    const complete = await b.client.post(`/api/my-courses/${course.courseId}/lessons/${course.lessonIds[1]}/complete`, { completed: true });
    expect(complete.status).toBe(403);
    expect(complete.text).toContain(ENDED);
    const position = await b.client.put(`/api/my-courses/${course.courseId}/lessons/${lesson}/position`, { seconds: 5 });
    expect(position.status).toBe(403);
    expect(position.text).toContain(ENDED);
    // Reading still works, and a learner without an end date is untouched.
    expect((await b.client.get(`/api/my-courses/${course.courseId}`)).status).toBe(200);
    expect((await a.client.put(`/api/my-courses/${course.courseId}/lessons/${lesson}/position`, { seconds: 5 })).status).toBe(200);
    // A malformed date is a 400.
    expect((await owner.client.patch(`${enrollments()}/${b.id}`, { endsAt: "next week" })).status).toBe(400);
    // Cleared, b writes again.
    expect((await owner.client.patch(`${enrollments()}/${b.id}`, { endsAt: null })).status).toBe(200);
    expect((await b.client.put(`/api/my-courses/${course.courseId}/lessons/${lesson}/position`, { seconds: 5 })).status).toBe(200);
  });

  it("unenrolls a learner: 204, their lessons closed, the count back down; again a 404", async () => {
    const response = await owner.client.request("DELETE", `${enrollments()}/${b.id}`);
    expect(response.status).toBe(204);
    expect((await b.client.get(`/api/my-courses/${course.courseId}`)).status).toBe(403);
    expect(await countOf(owner.client)).toBe(1);
    expect((await owner.client.request("DELETE", `${enrollments()}/${b.id}`)).status).toBe(404);
  });

  it("self-enrollment off: a learner's enroll is a 403 with the school's message, staff still enroll them", async () => {
    const staffOnly = await buildCourse(owner.client, { title: "Staff only", lessons: 1 });
    const off = await owner.client.patch(`/api/instructor/courses/${staffOnly.courseId}`, { selfEnrollment: false });
    expect(off.status).toBe(200);
    expect(off.json()).toMatchObject({ course: { selfEnrollment: false } });
    const refused = await c.client.post(`/api/courses/${staffOnly.courseId}/enroll`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("Enrollment in this course is by the school");
    expect(await countOf(c.client, staffOnly.courseId)).toBe(0);
    expect((await owner.client.post(`/api/instructor/courses/${staffOnly.courseId}/enrollments`, { userIds: [c.id] })).status).toBe(200);
    expect((await c.client.get(`/api/my-courses/${staffOnly.courseId}`)).status).toBe(200);
  });
});
