import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { buildCourse } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The analytics data routes for every kind of actor. A course's analytics and learners are for its instructor and admins;
 * a learner is refused by role (403); another instructor gets 404 for a draft they cannot see and 403 for a published
 * course they can see but do not teach. The instructor view is any instructor's own; the platform view is admins'.
 */

const ACTORS = ["anonymous", "learner", "otherInstructor", "owner", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = { published: string; draft: string };

const signedIn = (status: Expected): Record<Actor, Expected> =>
  Object.fromEntries(ACTORS.map((a) => [a, a === "anonymous" || a === "disabled" ? 401 : status])) as Record<Actor, Expected>;
const editors = (state: keyof Fixtures): Record<Actor, Expected> => ({
  ...signedIn(200),
  learner: 403,
  otherInstructor: state === "draft" ? 404 : 403,
});

const courseRows = (state: keyof Fixtures): MatrixRow<Actor, Fixtures>[] => [
  { method: "GET", path: (f) => `/api/instructor/courses/${f[state]}/analytics`, expect: editors(state) },
  { method: "GET", path: (f) => `/api/instructor/courses/${f[state]}/analytics?range=all&bucket=week`, expect: editors(state) },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f[state]}/analytics/learners?q=a&sort=name&dir=asc&page=1`,
    expect: editors(state),
  },
  { method: "GET", path: (f) => `/api/instructor/courses/${f[state]}/analytics/learners?format=csv`, expect: editors(state) },
];

const rows: MatrixRow<Actor, Fixtures>[] = [
  ...courseRows("published"),
  ...courseRows("draft"),
  {
    method: "GET",
    path: "/api/instructor/courses/00000000-0000-4000-8000-000000000000/analytics",
    expect: { ...signedIn(404), learner: 403 },
    note: "a course that does not exist",
  },
  {
    method: "GET",
    path: "/api/instructor/courses/not-a-uuid/analytics/learners",
    expect: Object.fromEntries(ACTORS.map((a) => [a, 404])) as Record<Actor, Expected>,
    note: "a malformed id in the path is an unknown path",
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published}/analytics?range=1y`,
    expect: Object.fromEntries(ACTORS.map((a) => [a, 400])) as Record<Actor, Expected>,
    note: "bad input is a 400 before anything else",
  },
  { method: "GET", path: "/api/instructor/analytics", expect: { ...signedIn(200), learner: 403 } },
  { method: "GET", path: "/api/instructor/analytics?range=7d", expect: { ...signedIn(200), learner: 403 } },
  { method: "GET", path: "/api/admin/analytics", expect: { ...signedIn(403), admin: 200 } },
  { method: "GET", path: "/api/admin/analytics?range=90d&format=csv", expect: { ...signedIn(403), admin: 200 } },
];

const named: Fixtures = { published: "[published.id]", draft: "[draft.id]" };
const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, otherInstructor, owner, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "amatrix-learner"),
    newAccount("INSTRUCTOR", "amatrix-other"),
    newAccount("INSTRUCTOR", "amatrix-owner"),
    newAccount("INSTRUCTOR", "amatrix-disabled"),
    demoAdmin(),
  ]);
  const [published, draft] = await Promise.all([
    buildCourse(owner.client, { title: "Analytics matrix published", lessons: 2 }),
    buildCourse(owner.client, { title: "Analytics matrix draft", lessons: 1, publish: false }),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  Object.assign(fixtures, { published: published.courseId, draft: draft.courseId });
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
  title: "permission matrix: analytics",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
