import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount, type Account } from "../helpers/api-client";

/**
 * Who may call what: every route that exists, for every kind of actor, with the status each one gets. Later issues
 * add their routes as rows (and fixtures, if a row needs an object to point at).
 *
 * A page row expects 200, or a redirect: SIGN_IN (the route guard, or the page itself, sends the visitor to sign in)
 * or DENIED (a signed-in user without the area's role goes to their dashboard).
 */

const ACTORS = ["anonymous", "learner", "instructor", "otherInstructor", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];

type Redirect = { redirect: string };
type Expected = number | Redirect;
const SIGN_IN: Redirect = { redirect: "/signin?callbackUrl=" };
const DENIED: Redirect = { redirect: "/dashboard?denied=" };
const TO_DASHBOARD: Redirect = { redirect: "/dashboard" };

type Fixtures = {
  accounts: Record<Exclude<Actor, "anonymous" | "admin">, Account>;
  /** The demo admin's own name (the PATCH /api/profile row sends each actor's name back unchanged). */
  adminName: string;
  /** A draft course of `instructor` (not `otherInstructor`). */
  draftCourseId: string;
};

type Row = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string | ((f: Fixtures) => string);
  /** A JSON body: valid, so that the answer is about who asks, not what they sent. */
  body?: (f: Fixtures, actor: Actor) => unknown;
  expect: Record<Actor, Expected>;
  note?: string;
};

const everyone = (status: Expected): Record<Actor, Expected> =>
  Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
/** Any signed-in, active user gets `status`; without a session (anonymous, disabled) `signedOut`. */
const signedIn = (status: Expected, signedOut: Expected = 401): Record<Actor, Expected> => ({
  ...everyone(status),
  anonymous: signedOut,
  disabled: signedOut,
});
const adminsOnly = (status: Expected, others: Expected = 403, signedOut: Expected = 401): Record<Actor, Expected> => ({
  ...signedIn(others, signedOut),
  admin: status,
});

const rows: Row[] = [
  // Issue 3: accounts.
  { method: "GET", path: "/api/health", expect: everyone(200) },
  { method: "GET", path: "/api/profile", expect: signedIn(200) },
  { method: "PATCH", path: "/api/profile", body: (f, actor) => ({ name: nameOf(f, actor) }), expect: signedIn(200) },
  {
    method: "PUT",
    path: "/api/profile/password",
    body: () => ({ currentPassword: "not-the-current-one", newPassword: "a-brand-new-password" }),
    expect: signedIn(400),
    note: "a wrong current password is 400 for every signed-in user, so the matrix changes nobody's password",
  },
  {
    method: "POST",
    path: "/api/onboarding",
    body: () => ({ name: "Again", role: "LEARNER" }),
    expect: signedIn(409),
    note: "every actor has onboarded already",
  },
  { method: "GET", path: "/api/admin/users", expect: adminsOnly(200) },
  { method: "GET", path: (f) => `/api/admin/users/${f.accounts.learner.id}`, expect: adminsOnly(200) },
  { method: "GET", path: "/api/admin/users/no-such-user", expect: adminsOnly(404) },
  {
    method: "PATCH",
    path: (f) => `/api/admin/users/${f.accounts.learner.id}`,
    body: () => ({ role: "LEARNER" }),
    expect: adminsOnly(200),
    note: "a change to what the learner already is",
  },

  // Issue 3: pages.
  { method: "GET", path: "/dashboard", expect: signedIn(200, SIGN_IN) },
  { method: "GET", path: "/my-courses", expect: signedIn(200, SIGN_IN) },
  { method: "GET", path: "/profile", expect: signedIn(200, SIGN_IN) },
  { method: "GET", path: "/onboarding", expect: signedIn(TO_DASHBOARD, SIGN_IN), note: "everyone here has onboarded" },
  {
    method: "GET",
    path: "/instructor",
    expect: { ...signedIn(200, SIGN_IN), learner: DENIED },
  },
  { method: "GET", path: "/admin", expect: adminsOnly(200, DENIED, SIGN_IN) },
  { method: "GET", path: "/admin/users", expect: adminsOnly(200, DENIED, SIGN_IN) },
  { method: "GET", path: (f) => `/admin/users/${f.accounts.learner.id}`, expect: adminsOnly(200, DENIED, SIGN_IN) },

  // Issue 4: the instructor API (read-only rows; a draft is invisible to other instructors, so theirs is a 404).
  { method: "GET", path: "/api/instructor/courses", expect: { ...signedIn(200), learner: 403 } },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.draftCourseId}`,
    expect: { ...signedIn(200), learner: 403, otherInstructor: 404 },
  },
];

function nameOf(f: Fixtures, actor: Actor): string {
  return actor === "anonymous" ? "Nobody" : actor === "admin" ? f.adminName : f.accounts[actor].name;
}

/** Fixtures that name themselves, for the test names and the printed matrix. */
const placeholder = (name: string) => ({ id: `[${name}.id]`, name }) as Account;
const named: Fixtures = {
  accounts: {
    learner: placeholder("learner"),
    instructor: placeholder("instructor"),
    otherInstructor: placeholder("otherInstructor"),
    disabled: placeholder("disabled"),
  },
  adminName: "[admin.name]",
  draftCourseId: "[draftCourse.id]",
};
const labelOf = (row: Row) => `${row.method} ${typeof row.path === "string" ? row.path : row.path(named)}`;

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, instructor, otherInstructor, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "matrix-learner"),
    newAccount("INSTRUCTOR", "matrix-instructor"),
    newAccount("INSTRUCTOR", "matrix-other"),
    newAccount("LEARNER", "matrix-disabled"),
    demoAdmin(),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);
  const course = await instructor.client.post("/api/instructor/courses", { title: "Matrix draft course" });
  if (course.status !== 201) throw new Error(`creating the matrix's course answered ${course.status}: ${course.text}`);

  fixtures.accounts = { learner, instructor, otherInstructor, disabled };
  fixtures.adminName = (await admin.get("/api/profile")).json<{ user: { name: string } }>().user.name;
  fixtures.draftCourseId = course.json<{ course: { id: string } }>().course.id;
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    instructor: instructor.client,
    otherInstructor: otherInstructor.client,
    admin,
    disabled: disabled.client,
  });
}, 120_000);

const show = (e: Expected) => (typeof e === "number" ? String(e) : `→ ${e.redirect}…`);

async function outcome(row: Row, actor: Actor): Promise<string> {
  const path = typeof row.path === "function" ? row.path(fixtures) : row.path;
  const body = row.body?.(fixtures, actor);
  // keepJar: the actors stay as they are (the disabled user's cookie is not dropped when a response clears it).
  const response = await clients[actor].request(row.method, path, { json: body, keepJar: true });
  const expected = row.expect[actor];
  if (typeof expected !== "number" && response.status === 307 && response.location?.startsWith(expected.redirect)) {
    return show(expected);
  }
  return response.status === 307 || response.status === 308 ? `→ ${response.location}` : String(response.status);
}

const results: { row: Row; got: Record<Actor, string> }[] = [];

describe("permission matrix", () => {
  for (const row of rows) {
    const label = labelOf(row);
    it(label, async () => {
      const got = Object.fromEntries(await Promise.all(ACTORS.map(async (a) => [a, await outcome(row, a)]))) as Record<Actor, string>;
      results.push({ row, got });
      const want = Object.fromEntries(ACTORS.map((a) => [a, show(row.expect[a])]));
      expect(got, `${label}${row.note ? ` (${row.note})` : ""}`).toEqual(want);
    });
  }
});

afterAll(() => {
  const failed = results.filter(({ row, got }) => ACTORS.some((a) => got[a] !== show(row.expect[a])));
  if (failed.length === 0) return;
  const width = 24;
  const lines = [["route".padEnd(48), ...ACTORS.map((a) => a.padEnd(width))].join(" ")];
  for (const { row, got } of results) {
    const cells = ACTORS.map((a) => {
      const want = show(row.expect[a]);
      return (got[a] === want ? want : `✗ ${got[a]} (want ${want})`).padEnd(width);
    });
    lines.push([labelOf(row).padEnd(48), ...cells].join(" "));
  }
  console.error(`\nPermission matrix (${failed.length} row(s) differ, marked ✗):\n${lines.join("\n")}\n`);
});
