import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount, uniqueEmail } from "../helpers/api-client";
import { createCourseTree } from "../helpers/authoring";
import { DENIED, runPermissionMatrix, SIGN_IN, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The invitation routes for every kind of actor. Admins invite anyone into anything; the course's instructor invites
 * learners into their course, and manages the invitations they sent; an instructor of another course is refused their
 * course (403) and does not see the owner's invitations (404); learners are refused by their role; signed out is a 401.
 * Accepting is public: an unknown link is a 404 for everyone. The admin page is the admins'; the invitation page anyone's.
 */

const ACTORS = ["anonymous", "learner", "otherLearner", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = { courseId: string; toResend: string; toRevoke: string; token: string };

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...everyone(others), ...given };
};
const staff = (cells: Partial<Record<Actor, Expected>>) => table({ others: 403, anonymous: 401, ...cells });
const invitee = (prefix: string) => (_: Fixtures, actor: Actor) => uniqueEmail(`${prefix}-${actor.toLowerCase()}`);

const rows: MatrixRow<Actor, Fixtures>[] = [
  {
    method: "GET",
    path: "/api/admin/invitations?status=pending",
    expect: staff({ otherInstructor: 200, owner: 200, admin: 200 }),
    note: "instructors see the ones they sent",
  },
  {
    method: "POST",
    path: "/api/admin/invitations",
    body: (f, actor) => ({ emails: [invitee("mx-learner")(f, actor)], role: "LEARNER", courseIds: [f.courseId] }),
    expect: staff({ owner: 201, admin: 201 }),
    note: "learners into the owner's course",
  },
  {
    method: "POST",
    path: "/api/admin/invitations",
    body: (f, actor) => ({ emails: [invitee("mx-none")(f, actor)], role: "LEARNER" }),
    expect: staff({ otherInstructor: 201, owner: 201, admin: 201 }),
    note: "learners into no course",
  },
  {
    method: "POST",
    path: "/api/admin/invitations",
    body: (f, actor) => ({ emails: [invitee("mx-admin")(f, actor)], role: "ADMIN" }),
    expect: staff({ admin: 201 }),
    note: "an admin: admins only",
  },
  {
    method: "POST",
    path: "/api/admin/invitations",
    body: (f, actor) => ({ emails: [invitee("mx-teacher")(f, actor)], role: "INSTRUCTOR", courseIds: [f.courseId] }),
    expect: staff({ admin: 201 }),
    note: "an instructor: admins only",
  },
  {
    method: "POST",
    path: (f) => `/api/admin/invitations/${f.toResend}/resend`,
    expect: staff({ otherInstructor: 404, owner: 200, admin: 200 }),
    note: "an invitation the owner sent",
  },
  {
    method: "DELETE",
    path: (f) => `/api/admin/invitations/${f.toRevoke}`,
    expect: staff({ otherInstructor: 404, owner: 200, admin: 200 }),
    note: "an invitation the owner sent",
  },
  {
    method: "POST",
    path: "/api/invitations/accept",
    body: () => ({ token: "A".repeat(43), name: "Nobody", password: "a long enough passphrase" }),
    expect: everyone(404),
    note: "an unknown link",
  },
  { method: "GET", path: "/admin/invitations", expect: table({ others: DENIED, anonymous: SIGN_IN, admin: 200 }) },
  { method: "GET", path: (f) => `/invite/${f.token}`, expect: everyone(200), note: "the invitation page" },
];

const named: Fixtures = { courseId: "[course.id]", toResend: "[invitation.id]", toRevoke: "[other invitation.id]", token: "[token]" };

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [learner, otherLearner, owner, otherInstructor, admin] = await Promise.all([
    newAccount("LEARNER", "imatrix-learner"),
    newAccount("LEARNER", "imatrix-other"),
    newAccount("INSTRUCTOR", "imatrix-owner"),
    newAccount("INSTRUCTOR", "imatrix-elsewhere"),
    demoAdmin(),
  ]);
  const { courseId } = await createCourseTree(owner.client, { title: "Invitation matrix" });
  await createCourseTree(otherInstructor.client, { title: "Invitation matrix elsewhere" });
  const sent = await owner.client.post("/api/admin/invitations", {
    emails: [uniqueEmail("imatrix-resend"), uniqueEmail("imatrix-revoke")],
    courseIds: [courseId],
  });
  if (sent.status !== 201) throw new Error(`inviting answered ${sent.status}: ${sent.text}`);
  const [toResend, toRevoke] = sent.json<{ results: { invitationId: string }[] }>().results.map((r) => r.invitationId);
  Object.assign(fixtures, { courseId, toResend, toRevoke, token: "B".repeat(43) });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    learner: learner.client,
    otherLearner: otherLearner.client,
    otherInstructor: otherInstructor.client,
    owner: owner.client,
    admin,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: invitations",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
