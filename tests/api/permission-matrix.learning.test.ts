import { beforeAll } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { buildCourse, enrollIn, setPublished, type BuiltCourse } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";

/**
 * The learning routes (catalog, course, course page, enrollment, my courses, progress, signed media URLs) for every kind of actor, on a
 * published course and on a course unpublished after learners enrolled in it. Content is for enrolled learners, the
 * course's instructor and admins; others get 404 for an unpublished course and 403 for a published one; signed out (or
 * disabled) 401 whatever the course, since the session is asked for before the course is looked up (STYLE.md's order).
 * Progress belongs to an enrollment, so the instructor and admins, who may read the content, still cannot complete.
 */

const ACTORS = ["anonymous", "enrolled", "notEnrolled", "owner", "otherInstructor", "admin", "disabled"] as const;
type Actor = (typeof ACTORS)[number];

type Course = Required<BuiltCourse>;
type Fixtures = {
  published: Course;
  /** Published, enrolled in by `enrolled` and `disabled`, then unpublished. */
  unpublished: Course;
};

const everyone = (status: Expected) => Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, Expected>;
const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...everyone(others), ...given };
};

/** Lesson content, video and material URLs. */
const contentOfPublished = table({ others: 403, enrolled: 200, owner: 200, admin: 200, anonymous: 401, disabled: 401 });
const contentOfUnpublished = table({ others: 404, owner: 200, admin: 200, anonymous: 401, disabled: 401 });
/** Completion and video position: an enrollment's own. */
const progressOfPublished = table({ others: 403, enrolled: 200, anonymous: 401, disabled: 401 });
const progressOfUnpublished = table({ others: 404, owner: 403, admin: 403, anonymous: 401, disabled: 401 });

type Which = "published" | "unpublished";
const courseRows = (which: Which): MatrixRow<Actor, Fixtures>[] => {
  const content = which === "published" ? contentOfPublished : contentOfUnpublished;
  const progress = which === "published" ? progressOfPublished : progressOfUnpublished;
  const c = (f: Fixtures) => f[which];
  const lesson = (f: Fixtures) => `/api/my-courses/${c(f).courseId}/lessons/${c(f).videoLessonId}`;
  const visible = (status: Expected) => (which === "published" ? everyone(status) : table({ others: 404, owner: status, admin: status }));
  return [
    { method: "GET", path: (f) => `/api/courses/${c(f).courseId}`, expect: visible(200) },
    { method: "GET", path: (f) => `/api/courses/${c(f).courseId}/image`, expect: visible(200), note: "the picture for link previews" },
    { method: "GET", path: (f) => `/courses/${c(f).slug}`, expect: visible(200), note: "the course page" },
    {
      method: "GET",
      path: (f) => `/courses/${c(f).courseId}`,
      expect: visible({ redirect: `/courses/matrix-${which}-course` }),
      note: "the id URL redirects to the slug URL; a draft's slug is not told to those who may not see it",
    },
    { method: "GET", path: (f) => `/api/my-courses/${c(f).courseId}`, expect: content },
    { method: "GET", path: (f) => `${lesson(f)}/video-url`, expect: content },
    { method: "GET", path: (f) => `${lesson(f)}/materials/${c(f).lessonMaterialId}/url`, expect: content },
    { method: "GET", path: (f) => `/api/my-courses/${c(f).courseId}/materials/${c(f).courseMaterialId}/url`, expect: content },
    { method: "POST", path: (f) => `${lesson(f)}/complete`, expect: progress },
    { method: "POST", path: (f) => `${lesson(f)}/complete`, body: () => ({ completed: false }), expect: progress, note: "undo" },
    { method: "DELETE", path: (f) => `${lesson(f)}/complete`, expect: progress },
    { method: "PUT", path: (f) => `${lesson(f)}/position`, body: () => ({ seconds: 12.5 }), expect: progress },
    { method: "POST", path: (f) => `${lesson(f)}/opened`, expect: progress, note: "the player's visit: where the learner stopped" },
  ];
};

const rows: MatrixRow<Actor, Fixtures>[] = [
  { method: "GET", path: "/api/courses", expect: everyone(200) },
  { method: "GET", path: "/api/courses?q=matrix&category=Testing&difficulty=beginner&sort=title&page=1", expect: everyone(200) },
  { method: "GET", path: "/courses", expect: everyone(200) },
  { method: "GET", path: "/api/my-courses", expect: table({ others: 200, anonymous: 401, disabled: 401 }) },
  ...courseRows("published"),
  ...courseRows("unpublished"),
  { method: "GET", path: "/api/my-courses/not-a-uuid", expect: everyone(404), note: "a malformed id in the path is an unknown path" },
  {
    method: "GET",
    path: (f) => `/api/my-courses/${f.published.courseId}/lessons/not-a-uuid/video-url`,
    expect: everyone(404),
    note: "a malformed id in the path is an unknown path",
  },
  {
    method: "GET",
    path: (f) => `/api/my-courses/${f.published.courseId}/lessons/${f.unpublished.videoLessonId}/video-url`,
    expect: { ...contentOfPublished, enrolled: 404, owner: 404, admin: 404 },
    note: "a lesson of another course, through a course the actor may open",
  },
  {
    method: "GET",
    path: (f) => `/api/my-courses/${f.published.courseId}/materials/${f.unpublished.courseMaterialId}/url`,
    expect: { ...contentOfPublished, enrolled: 404, owner: 404, admin: 404 },
    note: "a material of another course",
  },
  // Last: these enroll the actors who were not enrolled.
  {
    method: "POST",
    path: (f) => `/api/courses/${f.published.courseId}/enroll`,
    expect: table({ others: 201, enrolled: 200, anonymous: 401, disabled: 401 }),
    note: "the first enrollment of each actor but `enrolled`; instructors and admins may take courses too",
  },
  {
    method: "POST",
    path: (f) => `/api/courses/${f.unpublished.courseId}/enroll`,
    expect: table({ others: 404, owner: 409, admin: 409, anonymous: 401, disabled: 401 }),
    note: "nobody can enroll in an unpublished course; its editors are told why",
  },
];

const placeholderCourse = (name: string): Course => ({
  courseId: `[${name}.id]`,
  slug: `[${name}.slug]`,
  moduleId: `[${name}.module]`,
  lessonIds: [],
  videoLessonId: `[${name}.lesson]`,
  lessonMaterialId: `[${name}.lessonMaterial]`,
  courseMaterialId: `[${name}.courseMaterial]`,
});
const named: Fixtures = { published: placeholderCourse("published"), unpublished: placeholderCourse("unpublished") };

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  const [enrolled, notEnrolled, owner, otherInstructor, disabled, admin] = await Promise.all([
    newAccount("LEARNER", "lmatrix-enrolled"),
    newAccount("LEARNER", "lmatrix-outsider"),
    newAccount("INSTRUCTOR", "lmatrix-owner"),
    newAccount("INSTRUCTOR", "lmatrix-other"),
    newAccount("LEARNER", "lmatrix-disabled"),
    demoAdmin(),
  ]);
  const [published, unpublished] = await Promise.all([
    buildCourse(owner.client, { title: "Matrix published course", media: true, thumbnail: true }),
    buildCourse(owner.client, { title: "Matrix unpublished course", media: true, thumbnail: true }),
  ]);
  for (const learner of [enrolled, disabled]) {
    await enrollIn(learner.client, published.courseId);
    await enrollIn(learner.client, unpublished.courseId);
  }
  await setPublished(owner.client, unpublished.courseId, false);
  const disabling = await admin.patch(`/api/admin/users/${disabled.id}`, { disabled: true });
  if (disabling.status !== 200) throw new Error(`disabling the matrix's disabled user answered ${disabling.status}`);

  Object.assign(fixtures, { published, unpublished });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    enrolled: enrolled.client,
    notEnrolled: notEnrolled.client,
    owner: owner.client,
    otherInstructor: otherInstructor.client,
    admin,
    disabled: disabled.client,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: learning",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});
