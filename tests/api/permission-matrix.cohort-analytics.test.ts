import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { buildCourse, enrollIn } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The analytics routes with a cohort filter, for every kind of actor. The filter only narrows: the course's own rule
 * answers first (a learner 403, another instructor 403 for a published course they do not teach); then a cohort the
 * actor may not filter by is not found (404). An instructor may filter by a cohort with a member enrolled in their
 * courses, an admin by any cohort; a malformed id is a 400 before anything else.
 */

const ACTORS = ["anonymous", "learner", "otherInstructor", "owner", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = { course: string; members: string; empty: string };

const UNKNOWN = "00000000-0000-4000-8000-00000000c0de";
const all = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const signedIn = (status: Expected): Record<Actor, Expected> => ({ ...all(status), anonymous: 401, disabled: 401 });
const editors = (owner: Expected, admin: Expected): Record<Actor, Expected> => ({
  ...signedIn(owner),
  learner: 403,
  otherInstructor: 403,
  admin,
});

/** The course's views that take the filter, by their path after the course. */
const COURSE_VIEWS = ["analytics", "analytics/learners", "gradebook"];
const view = (f: Fixtures, path: string) => `/api/instructor/courses/${f.course}/${path}`;

const rows: MatrixRow<Actor, Fixtures>[] = [
  ...COURSE_VIEWS.flatMap((path): MatrixRow<Actor, Fixtures>[] => [
    { method: "GET", path: (f) => `${view(f, path)}?cohortId=${f.members}`, expect: editors(200, 200) },
    {
      method: "GET",
      path: (f) => `${view(f, path)}?cohortId=${f.empty}`,
      expect: editors(404, 200),
      note: "a cohort without a member in the course: not the instructor's to pick; any cohort for an admin",
    },
    { method: "GET", path: (f) => `${view(f, path)}?cohortId=${UNKNOWN}`, expect: editors(404, 404), note: "no such cohort" },
    { method: "GET", path: (f) => `${view(f, path)}?cohortId=class-of-2026`, expect: all(400), note: "not a cohort id" },
  ]),
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.course}/analytics/learners?format=csv&cohortId=${f.members}`,
    expect: editors(200, 200),
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/analytics?cohortId=${f.members}`,
    expect: { ...signedIn(200), learner: 403, otherInstructor: 404 },
    note: "the other instructor's courses hold no member",
  },
  { method: "GET", path: (f) => `/api/instructor/analytics?cohortId=${f.empty}`, expect: { ...signedIn(404), learner: 403, admin: 200 } },
  { method: "GET", path: `/api/instructor/analytics?cohortId=${UNKNOWN}`, expect: { ...signedIn(404), learner: 403 } },
  { method: "GET", path: "/api/instructor/analytics?cohortId=%00", expect: all(400) },
  { method: "GET", path: (f) => `/api/admin/analytics?cohortId=${f.members}`, expect: { ...signedIn(403), admin: 200 } },
  { method: "GET", path: (f) => `/api/admin/analytics?cohortId=${f.empty}&format=csv`, expect: { ...signedIn(403), admin: 200 } },
  { method: "GET", path: `/api/admin/analytics?cohortId=${UNKNOWN}&format=csv`, expect: { ...signedIn(403), admin: 404 } },
  { method: "GET", path: "/api/admin/analytics?cohortId=42", expect: all(400) },
];

const named: Fixtures = { course: "[course.id]", members: "[members.id]", empty: "[empty.id]" };
const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, otherInstructor, owner, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "cmatrix-learner"),
    newAccount("INSTRUCTOR", "cmatrix-other"),
    newAccount("INSTRUCTOR", "cmatrix-owner"),
    newAccount("INSTRUCTOR", "cmatrix-disabled"),
    demoAdmin(),
  ]);
  const course = await buildCourse(owner.client, { title: "Cohort analytics matrix", lessons: 1 });
  await enrollIn(learner.client, course.courseId);
  const cohort = async (name: string, userIds: string[]) => {
    const created = await admin.post("/api/admin/cohorts", { name: `${name} ${Date.now()}` });
    if (created.status !== 201) throw new Error(`creating a cohort answered ${created.status}: ${created.text}`);
    const id = created.json<{ cohort: { id: string } }>().cohort.id;
    if (userIds.length > 0) {
      const added = await admin.post(`/api/admin/cohorts/${id}/members`, { userIds });
      if (added.status !== 200) throw new Error(`adding members answered ${added.status}: ${added.text}`);
    }
    return id;
  };
  const [members, empty] = await Promise.all([cohort("Matrix members", [learner.id]), cohort("Matrix empty", [])]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  Object.assign(fixtures, { course: course.courseId, members, empty });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    otherInstructor: otherInstructor.client,
    owner: owner.client,
    admin,
    disabled: disabled.client,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: analytics by cohort",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
