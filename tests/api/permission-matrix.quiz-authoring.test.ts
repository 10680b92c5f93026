import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, newAccount } from "../helpers/api-client";
import { enrollIn } from "../helpers/learning-fixtures";
import { runPermissionMatrix, type Expected, type MatrixRow } from "../helpers/permission-matrix";
import { buildQuizCourse, type AuthoredQuestionShape, type QuizCourse } from "../helpers/quiz-fixtures";

/**
 * The quiz authoring routes (the editor's data and settings, questions added, changed, reordered and deleted, and a
 * quiz lesson added through the curriculum) for every kind of actor, on a published course (`enrolled` is enrolled in
 * it) and on a draft. They are for the course's instructor and admins: signed out is a 401, a learner a 403 whatever
 * the course (enrolled or not), another instructor a 403 on a published course and a 404 on a draft they cannot see.
 * What a refused actor sent is checked to have changed nothing.
 */

const ACTORS = ["anonymous", "notEnrolled", "enrolled", "otherInstructor", "owner", "admin"] as const;
type Actor = (typeof ACTORS)[number];

type Fixtures = { published: QuizCourse; draft: QuizCourse };
type Which = keyof Fixtures;

const table = (cells: Partial<Record<Actor, Expected>> & { others: Expected }): Record<Actor, Expected> => {
  const { others, ...given } = cells;
  return { ...(Object.fromEntries(ACTORS.map((a) => [a, others])) as Record<Actor, Expected>), ...given };
};
/** Editors only; learners are refused by their role before the course is looked up. */
const editors = (which: Which, status: Expected) =>
  table({ others: 403, anonymous: 401, otherInstructor: which === "draft" ? 404 : 403, owner: status, admin: status });

const rowsOf = (which: Which): MatrixRow<Actor, Fixtures>[] => {
  const quiz = (f: Fixtures) => f[which].quizPath;
  const question = (f: Fixtures) => `${quiz(f)}/questions/${f[which].questions[0]!.id}`;
  return [
    { method: "GET", path: (f) => `${quiz(f)}/quiz`, expect: editors(which, 200) },
    { method: "PATCH", path: (f) => `${quiz(f)}/quiz`, body: () => ({ passingScore: 65 }), expect: editors(which, 200) },
    {
      method: "POST",
      path: (f) => `${quiz(f)}/questions/reorder`,
      body: (f) => ({ order: [...f[which].questions.map((q) => q.id)].reverse() }),
      expect: editors(which, 200),
    },
    {
      method: "PATCH",
      path: question,
      body: (_f, actor) => ({ prompt: `Which keyword defines a function? (written by ${actor})` }),
      expect: editors(which, 200),
    },
    {
      method: "POST",
      path: (f) => `${quiz(f)}/questions`,
      body: (_f, actor) => ({ type: "true_false", prompt: `Added by ${actor}.`, correct: true }),
      expect: editors(which, 201),
    },
    {
      method: "POST",
      path: (f) => `/api/instructor/courses/${f[which].courseId}/modules/${f[which].moduleId}/lessons`,
      body: (_f, actor) => ({ title: `Quiz by ${actor}`, kind: "quiz" }),
      expect: editors(which, 201),
      note: "a quiz lesson through the curriculum",
    },
  ];
};

const rows: MatrixRow<Actor, Fixtures>[] = [
  ...rowsOf("published"),
  ...rowsOf("draft"),
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/modules/${f.published.moduleId}/lessons/${f.draft.quizLessonId}/quiz`,
    expect: editors("published", 404),
    note: "a quiz of another course through a course the actor may edit",
  },
  {
    method: "PATCH",
    path: (f) => `${f.published.quizPath}/questions/${f.draft.questions[1]!.id}`,
    body: () => ({ points: 3 }),
    expect: editors("published", 404),
    note: "a question of another quiz",
  },
  {
    method: "GET",
    path: (f) => `/api/instructor/courses/${f.published.courseId}/modules/${f.published.moduleId}/lessons/${f.published.lessonIds[0]}/quiz`,
    expect: editors("published", 404),
    note: "a lesson that is not a quiz",
  },
  {
    method: "POST",
    path: (f) => `${f.published.quizPath.replace(/lessons\/[^/]+$/, "lessons/not-a-uuid")}/questions/reorder`,
    body: () => ({ order: [] }),
    expect: table({ others: 404 }),
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
    questions: [1, 2].map((n) => ({ id: `[${name}.question${n}]` }) as AuthoredQuestionShape),
    answers: {} as QuizCourse["answers"],
  }) satisfies QuizCourse;
const named: Fixtures = { published: placeholder("published"), draft: placeholder("draft") };

const clients = {} as Record<Actor, ApiClient>;
const fixtures = {} as Fixtures;
let owner: ApiClient;

beforeAll(async () => {
  const [enrolled, notEnrolled, ownerAccount, otherInstructor, admin] = await Promise.all([
    newAccount("LEARNER", "qamatrix-enrolled"),
    newAccount("LEARNER", "qamatrix-outsider"),
    newAccount("INSTRUCTOR", "qamatrix-owner"),
    newAccount("INSTRUCTOR", "qamatrix-other"),
    demoAdmin(),
  ]);
  owner = ownerAccount.client;
  const [published, draft] = await Promise.all([
    buildQuizCourse(owner, { title: "Quiz authoring matrix published" }),
    buildQuizCourse(owner, { title: "Quiz authoring matrix draft", publish: false }),
  ]);
  await enrollIn(enrolled.client, published.courseId);
  Object.assign(fixtures, { published, draft });
  Object.assign(clients, {
    anonymous: new ApiClient(),
    notEnrolled: notEnrolled.client,
    enrolled: enrolled.client,
    otherInstructor: otherInstructor.client,
    owner,
    admin,
  });
}, 180_000);

runPermissionMatrix<Actor, Fixtures>({
  title: "permission matrix: quiz authoring",
  actors: ACTORS,
  rows,
  named,
  clients: () => clients,
  fixtures: () => fixtures,
});

describe("permission matrix: quiz authoring, deleting and what the refused wrote", () => {
  for (const which of ["published", "draft"] as const) {
    it(`DELETE …/questions/[questionId] on the ${which} course: a question of the owner's per actor`, async () => {
      const quiz = fixtures[which].quizPath;
      const made = await Promise.all(
        ACTORS.map(async (actor) => {
          const response = await owner.post(`${quiz}/questions`, { type: "true_false", prompt: `For ${actor} to delete.`, correct: false });
          expect(response.status).toBe(201);
          return [actor, response.json<{ question: { id: string } }>().question.id] as const;
        }),
      );
      const got = Object.fromEntries(
        await Promise.all(
          made.map(async ([actor, id]) => [actor, (await clients[actor].request("DELETE", `${quiz}/questions/${id}`)).status]),
        ),
      );
      expect(got).toEqual(editors(which, 204));
      const left = (await owner.get(`${quiz}/quiz`))
        .json<{ quiz: { questions: { prompt: string }[] } }>()
        .quiz.questions.map((q) => q.prompt);
      for (const actor of ACTORS) expect(left.includes(`For ${actor} to delete.`), actor).toBe(actor !== "owner" && actor !== "admin");
    });

    it(`on the ${which} course, only the editors' writes are in the quiz`, async () => {
      const { quiz } = (await owner.get(`${fixtures[which].quizPath}/quiz`)).json<{
        quiz: { settings: { passingScore: number }; questions: { prompt: string }[] };
      }>();
      expect(quiz.settings.passingScore).toBe(65);
      const prompts = quiz.questions.map((q) => q.prompt);
      const written = prompts.filter((p) => /\(written by |^Added by /.test(p));
      expect(written.filter((p) => !/(owner|admin)/.test(p))).toEqual([]);
      expect(prompts.filter((p) => p.startsWith("Added by ")).sort()).toEqual(["Added by admin.", "Added by owner."]);
      const lessons = (await owner.get(`/api/instructor/courses/${fixtures[which].courseId}`)).json<{
        modules: { lessons: { title: string }[] }[];
      }>();
      const quizzes = lessons.modules.flatMap((m) => m.lessons.map((l) => l.title)).filter((t) => t.startsWith("Quiz by "));
      expect(quizzes.sort()).toEqual(["Quiz by admin", "Quiz by owner"]);
    });
  }
});
