import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The sign-up policy's settings, the admin's help for a user and the bulk import, for every kind of actor: admins only (401 signed out,
 * 403 for anyone else signed in). The admin's PATCH sends "open", the policy every other test file signs up under, so
 * running this matrix on the shared server changes nothing; the reset link goes to the member concerned (once: 3 an
 * hour are allowed).
 */

const ACTORS = ["anonymous", "learner", "member", "instructor", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = { member: string };

const adminsOnly = (ok: Expected): Record<Actor, Expected> => ({
  anonymous: 401,
  learner: 403,
  member: 403,
  instructor: 403,
  admin: ok,
  disabled: 401,
});

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "GET", path: "/api/admin/settings", expect: adminsOnly(200) },
  { method: "PATCH", path: "/api/admin/settings", body: () => ({ signupPolicy: "open" }), expect: adminsOnly(200) },
  {
    method: "PATCH",
    path: "/api/admin/settings",
    body: () => ({ signupPolicy: "domains", signupDomains: [] }),
    expect: Object.fromEntries(ACTORS.map((a) => [a, 400])) as Record<Actor, Expected>,
    note: '"domains" without a domain is bad input, a 400 before anything else',
  },
  { method: "POST", path: (f) => `/api/admin/users/${f.member}/password-reset`, expect: adminsOnly(202), note: "the member concerned" },
  {
    method: "POST",
    path: "/api/admin/users/import",
    body: () => ({ rows: [{ line: 2, name: "Matrix Import", email: "matrix-import@example.test" }], dryRun: true }),
    expect: adminsOnly(200),
    note: "a dry run: nothing is written",
  },
  {
    method: "POST",
    path: "/api/admin/users/no-such-user/password-reset",
    expect: adminsOnly(404),
    note: "a user who does not exist",
  },
];

const named: Fixtures = { member: "[member.id]" };
const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, member, instructor, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "smatrix-learner"),
    newAccount("LEARNER", "smatrix-member"),
    newAccount("INSTRUCTOR", "smatrix-instructor"),
    newAccount("LEARNER", "smatrix-disabled"),
    demoAdmin(),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  fixtures.member = member.id;
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    member: member.client,
    instructor: instructor.client,
    admin,
    disabled: disabled.client,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: sign-up policy and admin help",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
