import { randomUUID } from "node:crypto";
import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { runPermissionMatrix, SIGN_IN, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The notification routes for every kind of actor: each signed-in user reads and marks their own, and sets their own
 * preferences (another user's ids change nothing: a unit test shows it); signed out is a 401 and the pages ask to sign in.
 */

const ACTORS = ["anonymous", "learner", "instructor", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];
type Fixtures = Record<string, never>;

const signedIn = (status: Expected): Record<Actor, Expected> =>
  Object.fromEntries(ACTORS.map((a) => [a, a === "anonymous" || a === "disabled" ? 401 : status])) as Record<Actor, Expected>;
const page = (): Record<Actor, Expected> =>
  Object.fromEntries(ACTORS.map((a) => [a, a === "anonymous" || a === "disabled" ? SIGN_IN : 200])) as Record<Actor, Expected>;

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "GET", path: "/api/notifications", expect: signedIn(200) },
  { method: "GET", path: "/api/notifications?unread=1&limit=5", expect: signedIn(200) },
  {
    method: "POST",
    path: "/api/notifications/read",
    body: () => ({ ids: [randomUUID()] }),
    expect: signedIn(200),
    note: "an id of nobody's",
  },
  { method: "POST", path: "/api/notifications/read", body: () => ({ all: true }), expect: signedIn(200) },
  { method: "GET", path: "/api/profile/notifications", expect: signedIn(200) },
  {
    method: "PUT",
    path: "/api/profile/notifications",
    body: () => ({ preferences: [{ kind: "enrolled", channel: "app", enabled: true }] }),
    expect: signedIn(200),
  },
  { method: "GET", path: "/notifications", expect: page() },
  { method: "GET", path: "/profile/notifications", expect: page() },
];

const clients = {} as Record<Actor, ApiClient>;

beforeAll(async () => {
  const [learner, instructor, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "nmatrix-learner"),
    newAccount("INSTRUCTOR", "nmatrix-instructor"),
    newAccount("LEARNER", "nmatrix-disabled"),
    demoAdmin(),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    instructor: instructor.client,
    admin,
    disabled: disabled.client,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: notifications",
  actors: ACTORS,
  rows,
  named: {},
  clients: () => clients,
  fixtures: () => ({}),
});
