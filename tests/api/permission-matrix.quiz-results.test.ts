import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { enrollIn } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";
import { takeQuiz } from "../helpers/quiz-attempt-api";
import { buildQuizCourse, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * The quiz results routes (the results as JSON and CSV, and granting one more attempt) for every kind of actor, on a
 * published course whose quiz `enrolled` has taken and on a draft. They are for the course's instructor and admins:
 * signed out is a 401, a learner a 403 whatever the course (a learner cannot read results, even one taking the quiz),
 * another instructor a 403 on a published course and a 404 on a draft they cannot see. A quiz of another course through
 * this course's path, a lesson that is not a quiz and a learner who is not enrolled are a 404 for the editors.
 */

const ACTORS = ["anonymous", "notEnrolled", "enrolled", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = { published: QuizCourse; draft: QuizCourse; enrolledId: string; notEnrolledId: string };

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...everyone(others), ...given };
};

/** Editors only; learners are refused by their role before the course is looked up. */
const editorsOfPublished = (status: Expected) => table({ others: 403, anonymous: 401, owner: status, admin: status });
const editorsOfDraft = (status: Expected) => table({ others: 403, anonymous: 401, otherInstructor: 404, owner: status, admin: status });

type Which = "published" | "draft";
const quizPath = (f: Fixtures, which: Which) => `/api/instructor/courses/${f[which].courseId}/quizzes/${f[which].quizLessonId}`;
const courseRows = (which: Which): MatrixRow<Actor, Fixtures>[] => {
  const editors = which === "published" ? editorsOfPublished : editorsOfDraft;
  return [
    { method: "GET", path: (f) => `${quizPath(f, which)}/results`, expect: editors(200) },
    { method: "GET", path: (f) => `${quizPath(f, which)}/results?format=csv`, expect: editors(200), note: "the CSV" },
    {
      method: "POST",
      path: (f) => `${quizPath(f, which)}/extra-attempts`,
      body: (f) => ({ learnerId: f.enrolledId }),
      // Nobody is enrolled in the draft: its editors are told the learner is not.
      expect: editors(which === "published" ? 200 : 404),
      note: "one more attempt for the enrolled learner",
    },
  ];
};

const rows: MatrixRow<Actor, Fixtures>[] = [
  ...courseRows("published"),
  ...courseRows("draft"),
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/quizzes/${f.draft.quizLessonId}/results`,
    expect: editorsOfPublished(404),
    note: "a quiz of another course through a course the actor may edit",
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/quizzes/${f.published.lessonIds[0]}/results`,
    expect: editorsOfPublished(404),
    note: "a lesson that is not a quiz",
  },
  {
    method: "POST",
    path: (f) => `${quizPath(f, "published")}/extra-attempts`,
    body: (f) => ({ learnerId: f.notEnrolledId }),
    expect: editorsOfPublished(404),
    note: "a learner who is not enrolled gets nothing",
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/quizzes/not-a-uuid/results`,
    expect: everyone(404),
    note: "a malformed id in the path is an unknown path",
  },
];

const placeholder = (name: string): QuizCourse =>
  ({
    courseId: `[${name}.id]`,
    slug: `[${name}.slug]`,
    moduleId: `[${name}.module]`,
    lessonIds: [`[${name}.lesson]`],
    quizLessonId: `[${name}.quiz]`,
    quizPath: `[${name}.quizPath]`,
    questions: [],
    answers: {} as QuizCourse["answers"],
  }) satisfies QuizCourse;
const named: Fixtures = {
  published: placeholder("published"),
  draft: placeholder("draft"),
  enrolledId: "[enrolled.id]",
  notEnrolledId: "[notEnrolled.id]",
};

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [enrolled, notEnrolled, owner, otherInstructor, admin] = await Promise.all([
    newAccount("LEARNER", "qrmatrix-enrolled"),
    newAccount("LEARNER", "qrmatrix-outsider"),
    newAccount("INSTRUCTOR", "qrmatrix-owner"),
    newAccount("INSTRUCTOR", "qrmatrix-other"),
    demoAdmin(),
  ]);
  const [published, draft] = await Promise.all([
    buildQuizCourse(owner.client, { title: "Quiz results matrix published", settings: { maxAttempts: 1 } }),
    buildQuizCourse(owner.client, { title: "Quiz results matrix draft", publish: false }),
  ]);
  await enrollIn(enrolled.client, published.courseId);
  await takeQuiz(enrolled.client, published, { numeric: "wrong" });

  Object.assign(fixtures, { published, draft, enrolledId: enrolled.id, notEnrolledId: notEnrolled.id });
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
  title: "permission matrix: quiz results",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
