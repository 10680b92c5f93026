import { randomBytes } from "node:crypto";
import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { buildCourse, enrollIn } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * Enrollment by staff and cohorts for every kind of actor. Staff enrollment is for the course's instructor and admins:
 * learners are refused by their role, another instructor gets a 403 on a published course and a 404 on a draft they
 * cannot see. Cohorts are the admins' alone. A course with self-enrollment off refuses everyone's own enroll (403).
 */

const ACTORS = ["anonymous", "learner", "member", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = {
  courseId: string;
  draftId: string;
  staffOnlyId: string;
  cohortId: string;
  doomedCohortId: string;
  /** Enrolled by the owner in beforeAll: the end-date row works on them. */
  enrolledId: string;
  /** Never enrolled anywhere: an unenroll of them is a 404 for those who may ask. */
  strangerId: string;
  memberId: string;
  leavingMemberId: string;
};

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...everyone(others), ...given };
};
const staffOfPublished = (status: Expected) => table({ others: 403, anonymous: 401, owner: status, admin: status });
const staffOfDraft = (status: Expected) => table({ others: 403, anonymous: 401, otherInstructor: 404, owner: status, admin: status });
const admins = (status: Expected) => table({ others: 403, anonymous: 401, admin: status });

const RUN = randomBytes(4).toString("hex");
const enrollments = (courseId: string) => `/api/instructor/courses/${courseId}/enrollments`;

const rows: MatrixRow<Actor, Fixtures>[] = [
  {
    method: "POST",
    path: (f) => enrollments(f.courseId),
    body: (f) => ({ userIds: [f.enrolledId] }),
    expect: staffOfPublished(200),
    note: "already enrolled: reported, nothing written",
  },
  {
    method: "POST",
    path: (f) => enrollments(f.courseId),
    body: (f) => ({ cohortId: f.cohortId }),
    expect: staffOfPublished(200),
    note: "a cohort, by an admin or the course's instructor",
  },
  {
    method: "POST",
    path: (f) => enrollments(f.draftId),
    body: (f) => ({ userIds: [f.enrolledId] }),
    expect: staffOfDraft(409),
    note: "a draft: its editors are told to publish it first",
  },
  {
    method: "PATCH",
    path: (f) => `${enrollments(f.courseId)}/${f.enrolledId}`,
    body: () => ({ endsAt: null }),
    expect: staffOfPublished(200),
  },
  {
    method: "DELETE",
    path: (f) => `${enrollments(f.courseId)}/${f.strangerId}`,
    expect: staffOfPublished(404),
    note: "a user who is not enrolled",
  },
  {
    method: "DELETE",
    path: (f) => `${enrollments(f.draftId)}/${f.strangerId}`,
    expect: staffOfDraft(404),
  },
  {
    method: "POST",
    path: (f) => `/api/courses/${f.staffOnlyId}/enroll`,
    expect: table({ others: 403, anonymous: 401 }),
    note: "self-enrollment off: nobody enrolls themselves",
  },
  { method: "GET", path: "/api/admin/cohorts?q=matrix", expect: admins(200) },
  {
    method: "POST",
    path: "/api/admin/cohorts",
    body: () => ({ name: `Matrix new ${randomBytes(4).toString("hex")}` }),
    expect: admins(201),
  },
  { method: "GET", path: (f) => `/api/admin/cohorts/${f.cohortId}`, expect: admins(200) },
  {
    method: "PATCH",
    path: (f) => `/api/admin/cohorts/${f.cohortId}`,
    body: () => ({ name: `Matrix cohort renamed ${RUN}` }),
    expect: admins(200),
  },
  {
    method: "POST",
    path: (f) => `/api/admin/cohorts/${f.cohortId}/members`,
    body: (f) => ({ userIds: [f.memberId] }),
    expect: admins(200),
  },
  {
    method: "DELETE",
    path: (f) => `/api/admin/cohorts/${f.cohortId}/members/${f.leavingMemberId}`,
    expect: admins(204),
  },
  { method: "GET", path: "/api/admin/cohorts/not-a-uuid", expect: everyone(404), note: "a malformed id is an unknown path" },
  { method: "DELETE", path: (f) => `/api/admin/cohorts/${f.doomedCohortId}`, expect: admins(204) },
];

const named: Fixtures = {
  courseId: "[course.id]",
  draftId: "[draft.id]",
  staffOnlyId: "[staffOnly.id]",
  cohortId: "[cohort.id]",
  doomedCohortId: "[doomedCohort.id]",
  enrolledId: "[enrolled.id]",
  strangerId: "[stranger.id]",
  memberId: "[member.id]",
  leavingMemberId: "[leavingMember.id]",
};

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, member, leaving, stranger, owner, otherInstructor, admin] = await Promise.all([
    newAccount("LEARNER", "smatrix-learner"),
    newAccount("LEARNER", "smatrix-member"),
    newAccount("LEARNER", "smatrix-leaving"),
    newAccount("LEARNER", "smatrix-stranger"),
    newAccount("INSTRUCTOR", "smatrix-owner"),
    newAccount("INSTRUCTOR", "smatrix-other"),
    demoAdmin(),
  ]);
  const [course, draft, staffOnly] = await Promise.all([
    buildCourse(owner.client, { title: "School matrix published", lessons: 1 }),
    buildCourse(owner.client, { title: "School matrix draft", lessons: 1, publish: false }),
    buildCourse(owner.client, { title: "School matrix staff only", lessons: 1 }),
  ]);
  await enrollIn(learner.client, course.courseId);
  const off = await owner.client.patch(`/api/instructor/courses/${staffOnly.courseId}`, { selfEnrollment: false });
  if (off.status !== 200) throw new Error(`self-enrollment off answered ${off.status}: ${off.text}`);
  const suffix = randomBytes(4).toString("hex");
  const cohort = await admin.post("/api/admin/cohorts", { name: `Matrix cohort ${suffix}` });
  const doomed = await admin.post("/api/admin/cohorts", { name: `Matrix doomed ${suffix}` });
  if (cohort.status !== 201 || doomed.status !== 201) throw new Error(`cohorts answered ${cohort.status}, ${doomed.status}`);
  const cohortId = cohort.json<{ cohort: { id: string } }>().cohort.id;
  const added = await admin.post(`/api/admin/cohorts/${cohortId}/members`, { userIds: [member.id, leaving.id] });
  if (added.status !== 200) throw new Error(`adding members answered ${added.status}: ${added.text}`);

  Object.assign(fixtures, {
    courseId: course.courseId,
    draftId: draft.courseId,
    staffOnlyId: staffOnly.courseId,
    cohortId,
    doomedCohortId: doomed.json<{ cohort: { id: string } }>().cohort.id,
    enrolledId: learner.id,
    strangerId: stranger.id,
    memberId: member.id,
    leavingMemberId: leaving.id,
  });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    member: member.client,
    otherInstructor: otherInstructor.client,
    owner: owner.client,
    admin,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: enrollment by staff and cohorts",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
