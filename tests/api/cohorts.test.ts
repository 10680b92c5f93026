import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { demoAdmin, newAccount, type Account, type ApiClient } from "../helpers/api-client";
import { buildCourse, type BuiltCourse } from "../helpers/learning-fixtures";

/**
 * Cohorts over HTTP: an admin makes one (a name taken in any case is a 409), finds it by name with its counts, adds
 * members; the course's instructor enrolls the cohort, which enrolls its members, and a member added later is enrolled
 * too; removing a member or deleting the cohort unenrolls nobody.
 */

const RUN = randomBytes(4).toString("hex");
let admin: ApiClient;
let owner: Account;
let course: BuiltCourse;
let m1: Account;
let m2: Account;
let late: Account;
let cohortId: string;

const opens = async (who: Account) => (await who.client.get(`/api/my-courses/${course.courseId}`)).status;

beforeAll(async () => {
  [owner, m1, m2, late] = await Promise.all([
    newAccount("INSTRUCTOR", "cohort-owner"),
    newAccount("LEARNER", "cohort-m1"),
    newAccount("LEARNER", "cohort-m2"),
    newAccount("LEARNER", "cohort-late"),
  ]);
  admin = await demoAdmin();
  course = await buildCourse(owner.client, { title: "Cohort course", lessons: 1 });
}, 180_000);

describe("cohorts", () => {
  it("are made, found by name with their counts, renamed, and a taken name is a 409", async () => {
    const made = await admin.post("/api/admin/cohorts", { name: `Year ${RUN}` });
    expect(made.status).toBe(201);
    cohortId = made.json<{ cohort: { id: string } }>().cohort.id;
    expect((await admin.post("/api/admin/cohorts", { name: `YEAR ${RUN}` })).status).toBe(409);
    expect((await admin.post("/api/admin/cohorts", { name: "  " })).status).toBe(400);
    const added = await admin.post(`/api/admin/cohorts/${cohortId}/members`, { userIds: [m1.id, m2.id] });
    expect(added.status).toBe(200);
    expect(added.json()).toMatchObject({ alreadyMembers: [], enrolledIn: [] });
    const list = await admin.get(`/api/admin/cohorts?q=${RUN}`);
    expect(list.json()).toMatchObject({ total: 1, cohorts: [{ id: cohortId, name: `Year ${RUN}`, members: 2, courses: 0 }] });
    expect((await admin.patch(`/api/admin/cohorts/${cohortId}`, { name: `Class ${RUN}` })).status).toBe(200);
    expect((await admin.get(`/api/admin/cohorts?q=Year ${RUN}`)).json()).toMatchObject({ total: 0 });
  });

  it("enrolled in a course by its instructor: members are enrolled, and a member added later too", async () => {
    expect(await opens(m1)).toBe(403);
    const enrolled = await owner.client.post(`/api/instructor/courses/${course.courseId}/enrollments`, { cohortId });
    expect(enrolled.status).toBe(200);
    expect(enrolled.json<{ enrolled: string[] }>().enrolled.sort()).toEqual([m1.id, m2.id].sort());
    expect(await opens(m1)).toBe(200);
    expect(await opens(late)).toBe(403);
    const added = await admin.post(`/api/admin/cohorts/${cohortId}/members`, { userIds: [late.id] });
    expect(added.json()).toMatchObject({ added: [late.id], enrolledIn: [{ courseId: course.courseId, enrolled: 1 }] });
    expect(await opens(late)).toBe(200);
    const detail = (await admin.get(`/api/admin/cohorts/${cohortId}`)).json<{ total: number; courses: { id: string }[] }>();
    expect(detail.total).toBe(3);
    expect(detail.courses.map((c) => c.id)).toEqual([course.courseId]);
  });

  it("removing a member and deleting the cohort unenroll nobody", async () => {
    expect((await admin.request("DELETE", `/api/admin/cohorts/${cohortId}/members/${late.id}`)).status).toBe(204);
    expect((await admin.request("DELETE", `/api/admin/cohorts/${cohortId}/members/${late.id}`)).status).toBe(404);
    expect(await opens(late)).toBe(200);
    expect((await admin.request("DELETE", `/api/admin/cohorts/${cohortId}`)).status).toBe(204);
    expect(await opens(m1)).toBe(200);
    expect((await admin.get(`/api/admin/cohorts/${cohortId}`)).status).toBe(404);
  });
});
