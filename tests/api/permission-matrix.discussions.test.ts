import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { buildCourse, enrollIn } from "../helpers/learning-fixtures";
import { DENIED, runPermissionMatrix, SIGN_IN, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The discussion routes for every kind of actor. Members of a published course read and post: `enrolled` (who asked the
 * thread), `classmate` (enrolled too, author of nothing), the course's instructor (`owner`) and admins; a learner who
 * is not enrolled and another instructor get 403, signed out and disabled 401. Moderation (pin, lock, hide, reports,
 * mutes) is for the owner and admins; editing a post for its author and moderators; marking the answer for the asker
 * and moderators. A draft course's discussions are a 404 to whoever may not see the draft.
 */

const ACTORS = ["anonymous", "disabled", "notEnrolled", "enrolled", "classmate", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = {
  courseId: string;
  lessonId: string;
  draftId: string;
  threadId: string;
  replyId: string;
  moderatedId: string;
  otherThreadId: string;
  reportId: string;
  muteeId: string;
};

const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...(Object.fromEntries(ACTORS.map((a) => [a, others])) as Record<Actor, Expected>), anonymous: 401, disabled: 401, ...given };
};
const members = (status: Expected) => table({ others: 403, enrolled: status, classmate: status, owner: status, admin: status });
const moderators = (status: Expected) => table({ others: 403, owner: status, admin: status });

const base = (f: Fixtures) => `/api/courses/${f.courseId}/discussions`;
const thread = (f: Fixtures) => `${base(f)}/${f.threadId}`;
const reply = (f: Fixtures) => `${thread(f)}/replies/${f.replyId}`;

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "GET", path: base, expect: members(200) },
  {
    method: "GET",
    path: (f) => `${base(f)}?lessonId=${f.lessonId}&filter=unanswered&sort=upvoted&q=question`,
    expect: members(200),
  },
  { method: "GET", path: thread, expect: members(200) },
  {
    method: "GET",
    path: (f) => `/api/courses/${f.draftId}/discussions`,
    expect: table({ others: 404, owner: 200, admin: 200 }),
    note: "a draft's discussions: only its editors see the draft",
  },
  {
    method: "GET",
    path: (f) => `${base(f)}/${f.otherThreadId}`,
    expect: table({ others: 403, enrolled: 404, classmate: 404, owner: 404, admin: 404 }),
    note: "a thread of another course through this one",
  },
  { method: "GET", path: (f) => `${base(f)}/not-a-uuid`, expect: table({ others: 404, anonymous: 404, disabled: 404 }) },
  {
    method: "POST",
    path: base,
    body: (f, actor) => ({ lessonId: f.lessonId, title: `A question from ${actor}`, body: "What does `x` do?" }),
    expect: members(201),
  },
  {
    method: "PATCH",
    path: thread,
    body: () => ({ title: "How do I start the exercise?", body: "Edited." }),
    expect: table({ others: 403, enrolled: 200, owner: 200, admin: 200 }),
    note: "an edit: its author and moderators",
  },
  { method: "PATCH", path: (f) => `${base(f)}/${f.moderatedId}`, body: () => ({ pinned: true }), expect: moderators(200) },
  {
    method: "POST",
    path: (f) => `${thread(f)}/replies`,
    body: (_f, actor) => ({ body: `A reply from ${actor}` }),
    expect: members(201),
  },
  {
    method: "PATCH",
    path: reply,
    body: () => ({ body: "The owner's reply, edited." }),
    expect: moderators(200),
    note: "the owner's reply: its author and admins",
  },
  { method: "PATCH", path: reply, body: () => ({ hidden: false }), expect: moderators(200) },
  {
    method: "POST",
    path: (f) => `${thread(f)}/answer`,
    body: (f) => ({ replyId: f.replyId }),
    expect: table({ others: 403, enrolled: 200, owner: 200, admin: 200 }),
    note: "the asker and moderators",
  },
  { method: "POST", path: (f) => `${thread(f)}/upvote`, body: () => ({ upvoted: true }), expect: members(200) },
  { method: "POST", path: (f) => `${reply(f)}/upvote`, body: () => ({ upvoted: true }), expect: members(200) },
  { method: "POST", path: (f) => `${thread(f)}/report`, body: () => ({ reason: "Off topic." }), expect: members(201) },
  { method: "POST", path: (f) => `${reply(f)}/report`, body: () => ({ reason: "Rude." }), expect: members(201) },
  { method: "GET", path: (f) => `${base(f)}/reports`, expect: moderators(200) },
  { method: "GET", path: (f) => `${base(f)}/reports?status=all`, expect: moderators(200) },
  { method: "PATCH", path: (f) => `${base(f)}/reports/${f.reportId}`, body: () => ({ resolved: true }), expect: moderators(200) },
  { method: "PUT", path: (f) => `${base(f)}/mutes/${f.muteeId}`, expect: moderators(200) },
  { method: "GET", path: (f) => `${base(f)}/mutes`, expect: moderators(200) },
  { method: "DELETE", path: (f) => `${base(f)}/mutes/${f.muteeId}`, expect: moderators(200) },
  {
    method: "GET",
    path: "/api/instructor/discussions",
    expect: table({ others: 403, otherInstructor: 200, owner: 200, admin: 200 }),
    note: "unanswered questions across the actor's own courses",
  },
  {
    method: "GET",
    path: (f) => `/my-courses/${f.courseId}/discussions`,
    expect: { ...members(200), notEnrolled: 404, otherInstructor: 404, anonymous: SIGN_IN, disabled: SIGN_IN },
    note: "the board page: not found for who may not read it",
  },
  {
    method: "GET",
    path: "/instructor/questions",
    expect: table({ others: DENIED, anonymous: SIGN_IN, disabled: SIGN_IN, otherInstructor: 200, owner: 200, admin: 200 }),
  },
];

const named: Fixtures = {
  courseId: "[course.id]",
  lessonId: "[lesson.id]",
  draftId: "[draft.id]",
  threadId: "[thread.id]",
  replyId: "[ownerReply.id]",
  moderatedId: "[ownersThread.id]",
  otherThreadId: "[otherCourse.thread.id]",
  reportId: "[report.id]",
  muteeId: "[mutee.id]",
};

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

async function created(response: { status: number; text: string; json: <T>() => T }, what: string): Promise<string> {
  if (response.status !== 201) throw new Error(`${what} answered ${response.status}: ${response.text}`);
  const body = response.json<{ thread?: { id: string }; reply?: { id: string }; report?: { id: string } }>();
  return (body.thread ?? body.reply ?? body.report)!.id;
}

beforeAll(async () => {
  const [enrolled, classmate, notEnrolled, disabled, owner, otherInstructor, admin] = await Promise.all([
    newAccount("LEARNER", "dmatrix-enrolled"),
    newAccount("LEARNER", "dmatrix-classmate"),
    newAccount("LEARNER", "dmatrix-outsider"),
    newAccount("LEARNER", "dmatrix-disabled"),
    newAccount("INSTRUCTOR", "dmatrix-owner"),
    newAccount("INSTRUCTOR", "dmatrix-other"),
    demoAdmin(),
  ]);
  const [course, draft, elsewhere] = await Promise.all([
    buildCourse(owner.client, { title: "Discussion matrix", lessons: 1 }),
    buildCourse(owner.client, { title: "Discussion matrix draft", lessons: 1, publish: false }),
    buildCourse(otherInstructor.client, { title: "Discussion matrix elsewhere", lessons: 1 }),
  ]);
  await Promise.all([
    enrollIn(enrolled.client, course.courseId),
    enrollIn(classmate.client, course.courseId),
    enrollIn(disabled.client, course.courseId),
  ]);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling answered ${disabling.status}`);

  const discussions = `/api/courses/${course.courseId}/discussions`;
  const threadId = await created(
    await enrolled.client.post(discussions, { lessonId: course.lessonIds[0], title: "How do I start?", body: "A question." }),
    "asking",
  );
  const replyId = await created(await owner.client.post(`${discussions}/${threadId}/replies`, { body: "Like this." }), "replying");
  const moderatedId = await created(await owner.client.post(discussions, { title: "Welcome", body: "Ask here." }), "the owner's thread");
  const otherThreadId = await created(
    await otherInstructor.client.post(`/api/courses/${elsewhere.courseId}/discussions`, { title: "Elsewhere", body: "x" }),
    "a thread elsewhere",
  );
  await owner.client.post(`/api/courses/${draft.courseId}/discussions`, { title: "Draft thread", body: "x" });
  const reportId = await created(await classmate.client.post(`${discussions}/${threadId}/report`, { reason: "Spam." }), "reporting");

  Object.assign(fixtures, {
    courseId: course.courseId,
    lessonId: course.lessonIds[0],
    draftId: draft.courseId,
    threadId,
    replyId,
    moderatedId,
    otherThreadId,
    reportId,
    muteeId: notEnrolled.id,
  });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    disabled: disabled.client,
    notEnrolled: notEnrolled.client,
    enrolled: enrolled.client,
    classmate: classmate.client,
    otherInstructor: otherInstructor.client,
    owner: owner.client,
    admin,
  });
}, 240_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: discussions",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});

describe("permission matrix: discussions, deletions (a post of its own per actor)", () => {
  // The enrolled learner deletes their own; every other actor a post of the owner's (moderators may, others not).
  const authorOf = (actor: Actor) => (actor === "enrolled" ? clients.enrolled : clients.owner);
  const expected = table({ others: 403, enrolled: 200, owner: 200, admin: 200 });

  it("DELETE …/discussions/[threadId]", async () => {
    const discussions = `/api/courses/${fixtures.courseId}/discussions`;
    const made = await Promise.all(
      ACTORS.map(
        async (actor) =>
          [actor, await created(await authorOf(actor).post(discussions, { title: `For ${actor}`, body: "x" }), "a thread")] as const,
      ),
    );
    const got = Object.fromEntries(
      await Promise.all(made.map(async ([actor, id]) => [actor, (await clients[actor].request("DELETE", `${discussions}/${id}`)).status])),
    );
    expect(got).toEqual(expected);
  });

  it("DELETE …/replies/[replyId]", async () => {
    const replies = `/api/courses/${fixtures.courseId}/discussions/${fixtures.moderatedId}/replies`;
    const made = await Promise.all(
      ACTORS.map(
        async (actor) => [actor, await created(await authorOf(actor).post(replies, { body: `For ${actor}` }), "a reply")] as const,
      ),
    );
    const got = Object.fromEntries(
      await Promise.all(made.map(async ([actor, id]) => [actor, (await clients[actor].request("DELETE", `${replies}/${id}`)).status])),
    );
    expect(got).toEqual(expected);
  });
});
