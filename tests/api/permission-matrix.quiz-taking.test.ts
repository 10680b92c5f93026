import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { enrollIn } from "../helpers/learning-fixtures";
import { DENIED, SIGN_IN, runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * The quiz-taking routes and pages for every kind of actor. Attempts belong to an enrollment: only the enrolled learner
 * takes the quiz; the course's instructor and admins, who may read the course, get 403 like anyone not enrolled in a
 * published course; a draft course is a 404 to all but its editors; signed out is 401 first. Another learner's attempt
 * is a 404 to the enrolled learner, and a lesson that is not a quiz a 404 to those who may see the course.
 */

const ACTORS = ["anonymous", "notEnrolled", "enrolled", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = {
  course: QuizCourse;
  /** Not published: only its editors may see it. */
  draft: QuizCourse;
  /** The enrolled actor's open attempt, and an attempt of another learner enrolled in the same course. */
  ownAttemptId: string;
  peerAttemptId: string;
};

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...everyone(others), ...given };
};
/** The enrolled learner gets `status`; anyone else signed in is not enrolled (403). */
const takers = (status: Expected) => table({ others: 403, anonymous: 401, enrolled: status });

const attempts = (c: QuizCourse) => `/api/my-courses/${c.courseId}/lessons/${c.quizLessonId}/attempts`;
const own = (f: Fixtures) => `${attempts(f.course)}/${f.ownAttemptId}`;
const peer = (f: Fixtures) => `${attempts(f.course)}/${f.peerAttemptId}`;
const anAnswer = (f: Fixtures) => ({ questionId: f.course.answers.single.questionId, answer: f.course.answers.single.right });

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "GET", path: (f) => attempts(f.course), expect: takers(200) },
  { method: "POST", path: (f) => attempts(f.course), expect: takers(200), note: "the open attempt again" },
  { method: "GET", path: own, expect: takers(200) },
  { method: "PUT", path: (f) => `${own(f)}/answers`, body: anAnswer, expect: takers(200) },
  { method: "GET", path: peer, expect: takers(404), note: "another learner's attempt" },
  { method: "PUT", path: (f) => `${peer(f)}/answers`, body: anAnswer, expect: takers(404), note: "another learner's attempt" },
  { method: "POST", path: (f) => `${peer(f)}/submit`, expect: takers(404), note: "another learner's attempt" },
  {
    method: "POST",
    path: (f) => `/api/my-courses/${f.course.courseId}/lessons/${f.course.lessonIds[0]}/attempts`,
    expect: table({ others: 403, anonymous: 401, enrolled: 404, owner: 404, admin: 404 }),
    note: "a lesson that is not a quiz",
  },
  {
    method: "GET",
    path: (f) => attempts(f.draft),
    expect: table({ others: 404, anonymous: 401, owner: 403, admin: 403 }),
    note: "a draft course: its editors may see it but are not enrolled",
  },
  { method: "POST", path: (f) => attempts(f.draft), expect: table({ others: 404, anonymous: 401, owner: 403, admin: 403 }) },
  {
    method: "GET",
    path: (f) => `/instructor/courses/${f.course.courseId}/preview/lessons/${f.course.quizLessonId}`,
    expect: table({ others: DENIED, anonymous: SIGN_IN, otherInstructor: 404, owner: 200, admin: 200 }),
    note: "the editors' preview of the quiz",
  },
  {
    method: "GET",
    path: (f) => `/my-courses/${f.course.courseId}/lessons/${f.course.quizLessonId}`,
    expect: table({
      others: 200,
      anonymous: SIGN_IN,
      owner: { redirect: "/instructor/courses/" },
      admin: { redirect: "/instructor/courses/" },
    }),
    note: "the player: the quiz for the enrolled, how to enroll for others, the preview for editors",
  },
  // Last: this one closes the enrolled learner's attempt.
  { method: "POST", path: (f) => `${own(f)}/submit`, expect: takers(200) },
];

const placeholder = (name: string) =>
  ({ courseId: `[${name}.id]`, quizLessonId: `[${name}.quiz]`, lessonIds: [`[${name}.lesson]`] }) as unknown as QuizCourse;
const named: Fixtures = {
  course: placeholder("course"),
  draft: placeholder("draft"),
  ownAttemptId: "[own attempt]",
  peerAttemptId: "[peer's attempt]",
};

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [enrolled, notEnrolled, owner, otherInstructor, peer, admin] = await Promise.all([
    newAccount("LEARNER", "qmatrix-enrolled"),
    newAccount("LEARNER", "qmatrix-outsider"),
    newAccount("INSTRUCTOR", "qmatrix-owner"),
    newAccount("INSTRUCTOR", "qmatrix-other"),
    newAccount("LEARNER", "qmatrix-peer"),
    demoAdmin(),
  ]);
  const [course, draft] = await Promise.all([
    buildQuizCourse(owner.client, { title: "Quiz matrix course" }),
    buildQuizCourse(owner.client, { title: "Quiz matrix draft", publish: false }),
  ]);
  const startFor = async (learner: ApiClient) => {
    await enrollIn(learner, course.courseId);
    const started = await learner.post(attempts(course));
    if (started.status !== 201) throw new Error(`starting an attempt answered ${started.status}: ${started.text}`);
    return started.json<{ attempt: { id: string } }>().attempt.id;
  };
  Object.assign(fixtures, { course, draft, ownAttemptId: await startFor(enrolled.client), peerAttemptId: await startFor(peer.client) });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    notEnrolled: notEnrolled.client,
    enrolled: enrolled.client,
    otherInstructor: otherInstructor.client,
    owner: owner.client,
    admin,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: quiz taking",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
