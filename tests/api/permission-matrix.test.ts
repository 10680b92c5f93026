import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount, type Account } from "../helpers/api-client";
import { createCourseTree, sendUpload, uploadFile, type CourseTree } from "../helpers/authoring";
import { files } from "../helpers/upload-fixtures";

/**
 * Who may call what: every route that exists, for every kind of actor, with the status each one gets. New routes
 * join as rows (and fixtures, if a row needs an object to point at).
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
  /** A draft course of `instructor` (not `otherInstructor`), with a module and a lesson. */
  draft: CourseTree;
  /** A published course of `instructor`, with a module and a lesson. */
  published: CourseTree;
  /** A request to teach of `learner`, declined by the admin. */
  learnerDecision: string;
};

/** The objects a row points at: a course tree, and an upload or material in it when the row needs one. */
type Scope = CourseTree & {
  uploadId?: string;
  materialId?: string;
  requestId?: string;
  categoryId?: string;
  intoId?: string;
  sessionId?: string;
};

type Row = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string | ((f: Fixtures, s: Scope) => string);
  /** A JSON body: valid, so that the answer is about who asks, not what they sent. */
  body?: (f: Fixtures, actor: Actor, s: Scope) => unknown;
  /**
   * What the row points at, made once per actor when the request changes or deletes it (fresh objects of the owner's,
   * so that one actor's success cannot change what the next actor or a later row sees); the fixtures' draft otherwise.
   */
  scope?: (f: Fixtures) => Scope | Promise<Scope>;
  /** Names for the scope's ids in the test's name. */
  scopeLabel?: string;
  /**
   * Who sends the request in an actor's place, when it would end the actor's own sessions (and so every later row's):
   * a new user of the same kind (standIn); the actor's own client otherwise.
   */
  actAs?: (actor: Actor) => Promise<ApiClient>;
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
  // Accounts.
  { method: "GET", path: "/api/health", expect: everyone(200) },
  { method: "GET", path: "/api/ready", expect: everyone(200), note: "readiness for balancers: public, names no secret" },
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
  { method: "GET", path: "/api/profile/sessions", expect: signedIn(200) },
  {
    method: "DELETE",
    path: (_f, s) => `/api/profile/sessions/${s.sessionId}`,
    scope: async (f) => ({ ...f.draft, sessionId: await newSessionOf(f.accounts.learner) }),
    scopeLabel: "learner's-other-device",
    expect: { ...signedIn(404), learner: 204 },
    note: "a session of the learner on another device: theirs to end, anyone else's is not found",
  },
  {
    method: "DELETE",
    path: "/api/profile/sessions",
    actAs: standIn,
    expect: signedIn(204),
    note: "signing out everywhere ends the caller's sessions: new users of each kind stand in",
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

  // Signed-in pages and the areas by role.
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

  // Authoring: the instructor and upload APIs and pages, for a draft and for a published course.
  { method: "GET", path: "/api/instructor/courses", expect: { ...signedIn(200), learner: 403 } },
  { method: "POST", path: "/api/instructor/courses", body: () => ({ title: "Matrix course" }), expect: { ...signedIn(201), learner: 403 } },
  { method: "GET", path: "/instructor/courses/new", expect: { ...signedIn(200, SIGN_IN), learner: DENIED } },
  { method: "GET", path: "/admin/courses", expect: adminsOnly(200, DENIED, SIGN_IN) },
  ...courseRows("draft"),
  ...courseRows("published"),

  // Address verification and change, requests to teach.
  {
    method: "POST",
    path: "/api/auth/verify-email",
    body: () => ({ token: "x".repeat(43) }),
    expect: everyone(400),
    note: "an unknown link",
  },
  { method: "POST", path: "/api/auth/verify-email/resend", expect: signedIn(409), note: "every actor's address is confirmed" },
  {
    method: "POST",
    path: "/api/profile/email",
    body: () => ({ email: "moved@example.test", currentPassword: "not-the-current-one" }),
    expect: signedIn(400),
    note: "a wrong current password for every signed-in user, so the matrix moves nobody",
  },
  {
    method: "POST",
    path: "/api/profile/email/confirm",
    body: () => ({ token: "y".repeat(43) }),
    expect: everyone(400),
    note: "an unknown link",
  },
  { method: "GET", path: "/api/instructor-requests", expect: signedIn(200) },
  {
    method: "POST",
    path: "/api/instructor-requests",
    body: () => ({ message: "Matrix" }),
    expect: { ...signedIn(409), learner: 201 },
    note: "instructors and admins can already teach",
  },
  {
    method: "PATCH",
    path: (f) => `/api/instructor-requests/${f.learnerDecision}`,
    body: () => ({ seen: true }),
    expect: { ...signedIn(404), learner: 200 },
    note: "the learner's own decided request; anyone else's is not found",
  },
  { method: "GET", path: "/api/admin/instructor-requests", expect: adminsOnly(200) },
  {
    method: "PATCH",
    path: (_f, s) => `/api/admin/instructor-requests/${s.requestId}`,
    body: () => ({ decision: "decline" }),
    scope: async (f) => {
      const asker = await newAccount("LEARNER", "matrix-asker");
      const asked = await asker.client.post("/api/instructor-requests", {});
      return { ...f.draft, requestId: asked.json<{ request: { id: string } }>().request.id };
    },
    scopeLabel: "fresh-request",
    expect: adminsOnly(200),
  },
  { method: "GET", path: "/admin/instructor-requests", expect: adminsOnly(200, DENIED, SIGN_IN) },
  // Categories, managed by admins.
  { method: "GET", path: "/api/admin/categories", expect: adminsOnly(200) },
  {
    method: "POST",
    path: "/api/admin/categories",
    body: (_f, actor) => ({ name: `Matrix ${actor} ${Date.now()}` }),
    expect: adminsOnly(201),
  },
  {
    method: "PATCH",
    path: (_f, s) => `/api/admin/categories/${s.categoryId}`,
    body: (_f, _a, s) => ({ name: `Renamed ${s.categoryId}` }),
    scope: async (f) => ({ ...f.draft, categoryId: await newCategory() }),
    scopeLabel: "fresh-category",
    expect: adminsOnly(200),
  },
  {
    method: "DELETE",
    path: (_f, s) => `/api/admin/categories/${s.categoryId}`,
    scope: async (f) => ({ ...f.draft, categoryId: await newCategory() }),
    scopeLabel: "fresh-category",
    expect: adminsOnly(204),
  },
  {
    method: "POST",
    path: (_f, s) => `/api/admin/categories/${s.categoryId}/merge`,
    body: (_f, _a, s) => ({ into: s.intoId }),
    scope: async (f) => ({ ...f.draft, categoryId: await newCategory(), intoId: await newCategory() }),
    scopeLabel: "fresh-category",
    expect: adminsOnly(200),
  },
  { method: "GET", path: "/admin/categories", expect: adminsOnly(200, DENIED, SIGN_IN) },
  { method: "GET", path: "/verify-email", expect: everyone(200) },
  { method: "GET", path: "/confirm-email", expect: everyone(200) },
  { method: "GET", path: "/check-email?for=signup", expect: everyone(200) },
];

/**
 * Every authoring route on a course in the given state. Its owner and admins may; a learner is refused by role (403);
 * another instructor gets 404 for a draft they cannot see and 403 for a published course they can see but not change.
 * Upload ids belong to their uploader: anyone else's is a 404, whatever the course.
 */
function courseRows(state: "draft" | "published"): Row[] {
  const editors = (status: number): Record<Actor, Expected> => ({
    anonymous: 401,
    learner: 403,
    instructor: status,
    otherInstructor: state === "draft" ? 404 : 403,
    admin: status,
    disabled: 401,
  });
  const uploaders = (status: number): Record<Actor, Expected> => ({ ...editors(status), learner: 404, otherInstructor: 404 });
  const pages: Record<Actor, Expected> = { ...editors(200), anonymous: SIGN_IN, disabled: SIGN_IN, learner: DENIED, otherInstructor: 404 };
  const shared = (f: Fixtures): Scope => f[state];
  const published = state === "published";
  const owner = () => clients.instructor;
  const tree = async () => {
    const made = await createCourseTree(owner(), { published });
    if (published) publishedCourses.push(made.courseId);
    return made;
  };
  const withUpload =
    (kind: "video" | "material" | "thumbnail", inLesson = kind === "video") =>
    async (): Promise<Scope> => {
      const t = await tree();
      const target = inLesson ? t : { courseId: t.courseId };
      const [bytes, fileName, contentType] =
        kind === "video"
          ? [files.mp4, "v.mp4", "video/mp4"]
          : kind === "thumbnail"
            ? [files.png, "t.png", "image/png"]
            : [files.pdf, "m.pdf", "application/pdf"];
      return { ...t, uploadId: (await sendUpload(owner(), kind, target, bytes, { fileName, contentType })).uploadId };
    };
  const withMaterial = (inLesson: boolean) => async (): Promise<Scope> => {
    const t = await tree();
    const material = await uploadFile<{ id: string }>(owner(), "material", inLesson ? t : { courseId: t.courseId }, files.pdf, {
      fileName: "m.pdf",
      contentType: "application/pdf",
    });
    return { ...t, materialId: material.id };
  };
  const withVideo = async (): Promise<Scope> => {
    const t = await tree();
    await uploadFile(owner(), "video", t, files.mp4, { fileName: "v.mp4", contentType: "video/mp4" });
    return t;
  };
  const course = (s: Scope) => `/api/instructor/courses/${s.courseId}`;
  const lesson = (s: Scope) => `${course(s)}/modules/${s.moduleId}/lessons/${s.lessonId}`;
  const file = (s: Scope) => ({ fileName: "a.pdf", contentType: "application/pdf", size: 100, courseId: s.courseId });
  const rows: Row[] = [
    { method: "GET", path: (_f, s) => course(s), expect: editors(200) },
    { method: "PATCH", path: (_f, s) => course(s), body: () => ({ title: "Matrix course" }), expect: editors(200) },
    { method: "DELETE", path: (_f, s) => course(s), scope: tree, expect: editors(204) },
    { method: "POST", path: (_f, s) => `${course(s)}/publish`, body: () => ({ published }), scope: tree, expect: editors(200) },
    { method: "POST", path: (_f, s) => `${course(s)}/modules`, body: () => ({ title: "Week 2" }), expect: editors(201) },
    {
      method: "POST",
      path: (_f, s) => `${course(s)}/modules/reorder`,
      body: (_f, _a, s) => ({ moduleIds: [s.moduleId] }),
      scope: tree,
      expect: editors(200),
    },
    { method: "PATCH", path: (_f, s) => `${course(s)}/modules/${s.moduleId}`, body: () => ({ title: "Week 1" }), expect: editors(200) },
    { method: "DELETE", path: (_f, s) => `${course(s)}/modules/${s.moduleId}`, scope: tree, expect: editors(204) },
    {
      method: "POST",
      path: (_f, s) => `${course(s)}/modules/${s.moduleId}/lessons`,
      body: () => ({ title: "Extra" }),
      expect: editors(201),
    },
    { method: "GET", path: (_f, s) => lesson(s), expect: editors(200) },
    { method: "PATCH", path: (_f, s) => lesson(s), body: () => ({ title: "Intro" }), expect: editors(200) },
    { method: "DELETE", path: (_f, s) => lesson(s), scope: tree, expect: editors(204) },
    {
      method: "POST",
      path: (_f, s) => `${lesson(s)}/move`,
      body: (_f, _a, s) => ({ moduleId: s.moduleId, position: 0 }),
      expect: editors(200),
      note: "to where it is: changes nothing",
    },
    { method: "DELETE", path: (_f, s) => `${lesson(s)}/video`, scope: withVideo, expect: editors(204) },
    { method: "GET", path: (_f, s) => `${course(s)}/materials`, expect: editors(200) },
    {
      method: "POST",
      path: (_f, s) => `${course(s)}/materials`,
      body: (_f, _a, s) => ({ uploadId: s.uploadId }),
      scope: withUpload("material"),
      expect: editors(201),
    },
    { method: "DELETE", path: (_f, s) => `${course(s)}/materials/${s.materialId}`, scope: withMaterial(false), expect: editors(204) },
    { method: "GET", path: (_f, s) => `${lesson(s)}/materials`, expect: editors(200) },
    {
      method: "POST",
      path: (_f, s) => `${lesson(s)}/materials`,
      body: (_f, _a, s) => ({ uploadId: s.uploadId }),
      scope: withUpload("material", true),
      expect: editors(201),
    },
    { method: "DELETE", path: (_f, s) => `${lesson(s)}/materials/${s.materialId}`, scope: withMaterial(true), expect: editors(204) },

    {
      method: "POST",
      path: "/api/upload/video",
      body: (_f, _a, s) => ({ ...file(s), ...s, contentType: "video/mp4", fileName: "a.mp4" }),
      expect: editors(201),
    },
    { method: "POST", path: "/api/upload/material", body: (_f, _a, s) => file(s), expect: editors(201) },
    {
      method: "POST",
      path: "/api/upload/thumbnail",
      body: (_f, _a, s) => ({ ...file(s), contentType: "image/png", fileName: "a.png" }),
      expect: editors(201),
    },
    ...(["video", "material", "thumbnail"] as const).map((kind): Row => ({
      method: "POST",
      path: `/api/upload/${kind}/complete`,
      body: (_f, _a, s) => ({ uploadId: s.uploadId }),
      scope: withUpload(kind),
      expect: uploaders(200),
      note: "the owner's upload",
    })),
    { method: "GET", path: (_f, s) => `/api/upload/${s.uploadId}`, scope: withUpload("thumbnail"), expect: uploaders(200) },
    { method: "DELETE", path: (_f, s) => `/api/upload/${s.uploadId}`, scope: withUpload("thumbnail"), expect: uploaders(200) },

    { method: "GET", path: (_f, s) => `/instructor/courses/${s.courseId}`, expect: pages },
    { method: "GET", path: (_f, s) => `/instructor/courses/${s.courseId}/modules/${s.moduleId}/lessons/${s.lessonId}`, expect: pages },
    { method: "GET", path: (_f, s) => `/instructor/courses/${s.courseId}/preview`, expect: pages },
    { method: "GET", path: (_f, s) => `/instructor/courses/${s.courseId}/preview/lessons/${s.lessonId}`, expect: pages },
  ];
  return rows.map((row) => ({ ...row, scope: row.scope ?? shared, scopeLabel: row.scope ? `fresh-${state}` : state }));
}

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
  learnerDecision: "[learner.request]",
  draft: { courseId: "[draft]", moduleId: "[draft.module]", lessonId: "[draft.lesson]" },
  published: { courseId: "[published]", moduleId: "[published.module]", lessonId: "[published.lesson]" },
};
const namedScope = (label = "draft"): Scope => ({
  sessionId: `[${label}]`,
  courseId: `[${label}]`,
  moduleId: `[${label}.module]`,
  lessonId: `[${label}.lesson]`,
  uploadId: `[${label}.upload]`,
  materialId: `[${label}.material]`,
  requestId: `[${label}]`,
});
const labelOf = (row: Row) =>
  `${row.method} ${typeof row.path === "string" ? row.path : row.path(named, namedScope(row.scopeLabel))}${
    typeof row.path === "string" && row.body && row.scopeLabel ? ` (${row.scopeLabel})` : ""
  }`;

const clients = {} as Record<Actor, ApiClient>;

let categoryCounter = 0;
/** A category of its own for a row that changes or removes one. */
async function newCategory(): Promise<string> {
  categoryCounter += 1;
  const made = await clients.admin.post("/api/admin/categories", { name: `Matrix category ${Date.now()}-${categoryCounter}` });
  if (made.status !== 201) throw new Error(`adding a category answered ${made.status}: ${made.text}`);
  return made.json<{ category: { id: string } }>().category.id;
}
const fixtures = {} as Fixtures;
/** Published courses the matrix made: deleted at the end, so that pages listing the newest courses show the demo's again. */
const publishedCourses: string[] = [];
/** Users the matrix made admins to stand in for the demo admin: made learners again at the end. */
const standInAdmins: string[] = [];

/** The account signed in on one more device; the id of that session. */
async function newSessionOf(account: Account): Promise<string> {
  const device = new ApiClient();
  const signedIn = await device.signIn(account.email, account.password);
  if (signedIn.status !== 200) throw new Error(`signing ${account.email} in again answered ${signedIn.status}`);
  const { sessions } = (await device.get("/api/profile/sessions")).json<{ sessions: { id: string; current: boolean }[] }>();
  return sessions.find((s) => s.current)!.id;
}

/** A new user of the actor's kind, signed in, for a row that ends the caller's own sessions. */
async function standIn(actor: Actor): Promise<ApiClient> {
  if (actor === "anonymous" || actor === "disabled") return clients[actor];
  const account = await newAccount(actor === "instructor" || actor === "otherInstructor" ? "INSTRUCTOR" : "LEARNER", "matrix-stand-in");
  if (actor === "admin") {
    const promoted = await clients.admin.patch(`/api/admin/users/${account.id}`, { role: "ADMIN" });
    if (promoted.status !== 200) throw new Error(`making a stand-in admin answered ${promoted.status}`);
    standInAdmins.push(account.id);
  }
  return account.client;
}

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
  const [draft, published] = await Promise.all([
    createCourseTree(instructor.client, { title: "Matrix draft course" }),
    createCourseTree(instructor.client, { title: "Matrix published course", published: true }),
  ]);

  const asked = await learner.client.post("/api/instructor-requests", { message: "Matrix" });
  const learnerDecision = asked.json<{ request: { id: string } }>().request.id;
  const declined = await admin.patch(`/api/admin/instructor-requests/${learnerDecision}`, { decision: "decline" });
  if (declined.status !== 200) throw new Error(`declining the matrix learner's request answered ${declined.status}`);

  fixtures.accounts = { learner, instructor, otherInstructor, disabled };
  fixtures.learnerDecision = learnerDecision;
  fixtures.adminName = (await admin.get("/api/profile")).json<{ user: { name: string } }>().user.name;
  fixtures.draft = draft;
  fixtures.published = published;
  publishedCourses.push(published.courseId);
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
  const scope = (await row.scope?.(fixtures)) ?? fixtures.draft;
  const path = typeof row.path === "function" ? row.path(fixtures, scope) : row.path;
  const body = row.body?.(fixtures, actor, scope);
  // keepJar: the actors stay as they are (the disabled user's cookie is not dropped when a response clears it).
  const client = row.actAs ? await row.actAs(actor) : clients[actor];
  const response = await client.request(row.method, path, { json: body, keepJar: true });
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

afterAll(async () => {
  for (const courseId of publishedCourses) await clients.instructor.request("DELETE", `/api/instructor/courses/${courseId}`);
  for (const userId of standInAdmins) await clients.admin.patch(`/api/admin/users/${userId}`, { role: "LEARNER" });
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
