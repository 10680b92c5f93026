import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { buildAssignmentCourse, handIn, submissionPath, type AssignmentCourse } from "../helpers/assignment-api";
import { enrollIn } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The assignment routes for every kind of actor, on a published course in which `enrolled` has handed in work and on a
 * draft. Settings, the grading view and grading are for the course's instructor and admins (learners refused by their
 * role, another instructor 403 on a published course and 404 on a draft they cannot see). A submission belongs to an
 * enrollment: only the enrolled learner reads or hands in theirs, and the course's editors, who may open the course,
 * still get a 403 there. Nobody but its learner and the course's editors ever reads a submission: another learner's
 * submission id is a 404 even for the editors of another course.
 */

const ACTORS = ["anonymous", "notEnrolled", "enrolled", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = { published: AssignmentCourse; draft: AssignmentCourse; submissionId: string; otherSubmissionId: string };

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...everyone(others), ...given };
};

const editorsOfPublished = (status: Expected) => table({ others: 403, anonymous: 401, owner: status, admin: status });
const editorsOfDraft = (status: Expected) => table({ others: 403, anonymous: 401, otherInstructor: 404, owner: status, admin: status });
/** The enrolled learner's own; everyone else who may see the course is refused, signed out is a 401. */
const learnerOfPublished = (status: Expected) => table({ others: 403, anonymous: 401, enrolled: status });
const learnerOfDraft = table({ others: 404, anonymous: 401, owner: 403, admin: 403 });

const SETTINGS = { instructions: "Write it.", maxPoints: 10, passingPoints: 6 };
const GRADE = { points: 7, feedback: "**Good.**", returnForRevision: false };

type Which = "published" | "draft";
const courseRows = (which: Which): MatrixRow<Actor, Fixtures>[] => {
  const editors = which === "published" ? editorsOfPublished : editorsOfDraft;
  const c = (f: Fixtures) => f[which];
  return [
    { method: "GET", path: (f) => c(f).assignmentPath, expect: editors(200) },
    { method: "PATCH", path: (f) => c(f).assignmentPath, body: () => SETTINGS, expect: editors(200) },
    {
      method: "GET",
      path: (f) => submissionPath(c(f)),
      expect: which === "published" ? learnerOfPublished(200) : learnerOfDraft,
    },
    {
      method: "POST",
      path: (f) => submissionPath(c(f)),
      body: () => ({ text: "Another version." }),
      expect: which === "published" ? learnerOfPublished(201) : learnerOfDraft,
      note: "a new version of the learner's own submission",
    },
    {
      method: "POST",
      path: "/api/upload/submission",
      body: (f) => ({
        courseId: c(f).courseId,
        lessonId: c(f).assignmentLessonId,
        fileName: "a.pdf",
        contentType: "application/pdf",
        size: 100,
      }),
      expect: which === "published" ? learnerOfPublished(201) : learnerOfDraft,
      note: "a file for the learner's own submission",
    },
  ];
};

const rows: MatrixRow<Actor, Fixtures>[] = [
  ...courseRows("published"),
  ...courseRows("draft"),
  {
    method: "GET",
    path: "/api/instructor/submissions",
    expect: table({ others: 403, anonymous: 401, otherInstructor: 200, owner: 200, admin: 200 }),
    note: "the queue: each instructor's own courses (another instructor's is empty), every course for admins",
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/submissions?courseId=${f.published.courseId}&status=late`,
    expect: table({ others: 403, anonymous: 401, otherInstructor: 200, owner: 200, admin: 200 }),
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/submissions/${f.submissionId}`,
    expect: editorsOfPublished(200),
    note: "the grading view",
  },
  { method: "GET", path: (f) => `/api/instructor/courses/${f.published.courseId}/gradebook`, expect: editorsOfPublished(200) },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/gradebook?format=csv`,
    expect: editorsOfPublished(200),
    note: "the gradebook's CSV",
  },
  { method: "GET", path: (f) => `/api/instructor/courses/${f.draft.courseId}/gradebook`, expect: editorsOfDraft(200) },
  {
    method: "POST",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/submissions/${f.submissionId}/grade`,
    body: () => GRADE,
    expect: editorsOfPublished(200),
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/submissions/${f.otherSubmissionId}`,
    expect: editorsOfPublished(404),
    note: "a submission of another course through a course the actor may edit",
  },
  {
    method: "POST",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/submissions/${f.otherSubmissionId}/grade`,
    body: () => GRADE,
    expect: editorsOfPublished(404),
    note: "grading a submission of another course",
  },
  {
    method: "GET",
    path: (f) =>
      `/api/instructor/courses/${f.published.courseId}/modules/${f.published.moduleId}/lessons/${f.published.lessonIds[0]}/assignment`,
    expect: editorsOfPublished(404),
    note: "a lesson that is not an assignment",
  },
  {
    method: "GET",
    path: (f) => `/api/my-courses/${f.published.courseId}/lessons/${f.published.lessonIds[0]}/submission`,
    expect: table({ others: 403, anonymous: 401, enrolled: 404, owner: 404, admin: 404 }),
    note: "a lesson that is not an assignment, for those who may open the course",
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/submissions/not-a-uuid`,
    expect: everyone(404),
    note: "a malformed id in the path is an unknown path",
  },
  {
    method: "POST",
    path: (f) => submissionPath(f.published),
    body: () => ({ text: "After the grade." }),
    expect: table({ others: 403, anonymous: 401, enrolled: 409 }),
    note: "last: graded work can no longer be replaced",
  },
];

const placeholder = (name: string): AssignmentCourse => ({
  courseId: `[${name}.id]`,
  slug: `[${name}.slug]`,
  moduleId: `[${name}.module]`,
  lessonIds: [`[${name}.lesson]`],
  assignmentLessonId: `[${name}.assignment]`,
  assignmentPath: `[${name}.assignmentPath]`,
});
const named: Fixtures = {
  published: placeholder("published"),
  draft: placeholder("draft"),
  submissionId: "[submission.id]",
  otherSubmissionId: "[otherCourse.submission.id]",
};

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [enrolled, notEnrolled, owner, otherInstructor, admin] = await Promise.all([
    newAccount("LEARNER", "amatrix-enrolled"),
    newAccount("LEARNER", "amatrix-outsider"),
    newAccount("INSTRUCTOR", "amatrix-owner"),
    newAccount("INSTRUCTOR", "amatrix-other"),
    demoAdmin(),
  ]);
  const [published, draft, elsewhere] = await Promise.all([
    buildAssignmentCourse(owner.client, { title: "Assignment matrix published" }),
    buildAssignmentCourse(owner.client, { title: "Assignment matrix draft", publish: false }),
    buildAssignmentCourse(otherInstructor.client, { title: "Assignment matrix elsewhere" }),
  ]);
  await enrollIn(enrolled.client, published.courseId);
  await enrollIn(notEnrolled.client, elsewhere.courseId);
  const submissionId = await handIn(enrolled.client, published, { text: "My essay." });
  const otherSubmissionId = await handIn(notEnrolled.client, elsewhere, { text: "Another course's essay." });

  Object.assign(fixtures, { published, draft, submissionId, otherSubmissionId });
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
  title: "permission matrix: assignments",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
