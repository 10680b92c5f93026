import type { ApiClient, ApiResponse } from "./api-client";
import { buildCourse, setPublished, type BuiltCourse } from "./learning-fixtures";

/**
 * A course with a quiz, built over HTTP by an instructor as the quiz editor does, for the quiz API and browser tests.
 *
 * `buildQuizCourse(instructor, { title })` makes a course (learning-fixtures.ts's buildCourse: one module, `lessons`
 * ordinary lessons, 1 by default) and appends to the same module a quiz lesson "Check your Python" (POST …/lessons with
 * kind "quiz"), with `settings` applied when given (PATCH …/quiz; else the defaults: pass at 70 %, unlimited attempts,
 * no time limit, no shuffling, answers shown after submit), then five questions of 1 point each, in this order:
 *
 *   1. single      "Which keyword defines a function in Python?"   options def (right), func, fn
 *   2. multiple    "Which of these are built-in Python types?"     list (right), dict (right), array; all or nothing
 *   3. true_false  "Python lists keep the order of their items."   true
 *   4. short_text  "Name the built-in function that gives the length of a list."   accepted: "len", "len()"
 *   5. numeric     "What is 7 / 2?"                                3.5, tolerance 0 ("3,5" is read as 3.5)
 *
 * and publishes the course unless `publish` is false. Four right answers of five is 80 % (passed), three 60 % (failed).
 *
 * It returns the BuiltCourse fields (courseId, slug, moduleId, lessonIds: the ordinary lessons) and:
 * - `quizLessonId`: the quiz lesson's id (learner URLs: /api/my-courses/[courseId]/lessons/[quizLessonId]/…);
 * - `quizPath`: "/api/instructor/courses/<courseId>/modules/<moduleId>/lessons/<quizLessonId>", the authoring API's base;
 * - `questions`: the five as the editor's GET …/quiz returns them (id, type, prompt, points, explanation, and the
 *   answers: options with ids and `correct`, `correct` for true_false, acceptedAnswers, answer and tolerance);
 * - `answers`: per type, the question's id and an answer value that is right and one that is wrong, in the shape
 *   PUT …/attempts/[attemptId]/answers takes as `answer` ({ optionId }, { optionIds }, { text }, { value }).
 */

export type QuizOptionShape = { id: string; text: string; correct: boolean };
export type AuthoredQuestionShape = { id: string; type: QuizQuestionType; prompt: string; points: number; explanation: string | null } & (
  | { type: "single"; options: QuizOptionShape[] }
  | { type: "multiple"; options: QuizOptionShape[]; partialCredit: boolean }
  | { type: "true_false"; correct: boolean }
  | { type: "short_text"; acceptedAnswers: string[] }
  | { type: "numeric"; answer: number; tolerance: number }
);
export type QuizQuestionType = "single" | "multiple" | "true_false" | "short_text" | "numeric";
export type AnswerShape = { optionId: string } | { optionIds: string[] } | { text: string } | { value: number | string };
export type QuizSettingsShape = {
  passingScore: number;
  maxAttempts: number | null;
  timeLimitMinutes: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAnswers: "after_submit" | "after_pass" | "never";
};

export type QuizCourse = BuiltCourse & {
  quizLessonId: string;
  quizPath: string;
  questions: AuthoredQuestionShape[];
  answers: Record<QuizQuestionType, { questionId: string; right: AnswerShape; wrong: AnswerShape }>;
};

/** The five questions' bodies (POST …/questions), in order. */
export const sampleQuestions = [
  {
    type: "single",
    prompt: "Which keyword defines a function in **Python**?",
    explanation: "`def` starts a function definition.",
    options: [
      { text: "def", correct: true },
      { text: "func", correct: false },
      { text: "fn", correct: false },
    ],
  },
  {
    type: "multiple",
    prompt: "Which of these are built-in Python types?",
    explanation: "`list` and `dict` are built in; arrays come from the `array` module.",
    options: [
      { text: "list", correct: true },
      { text: "dict", correct: true },
      { text: "array", correct: false },
    ],
  },
  { type: "true_false", prompt: "Python lists keep the order of their items.", correct: true },
  { type: "short_text", prompt: "Name the built-in function that gives the length of a list.", acceptedAnswers: ["len", "len()"] },
  { type: "numeric", prompt: "What is 7 / 2?", answer: 3.5, tolerance: 0, explanation: "Division in Python 3 gives a float." },
] as const;

function expectStatus(response: ApiResponse, status: number, what: string): ApiResponse {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}, not ${status}: ${response.text}`);
  return response;
}

export async function buildQuizCourse(
  instructor: ApiClient,
  {
    title,
    lessons = 1,
    settings,
    publish = true,
  }: { title: string; lessons?: number; settings?: Partial<QuizSettingsShape>; publish?: boolean },
): Promise<QuizCourse> {
  const built = await buildCourse(instructor, { title, lessons, publish: false });
  const lessonsUrl = `/api/instructor/courses/${built.courseId}/modules/${built.moduleId}/lessons`;
  const quiz = expectStatus(
    await instructor.post(lessonsUrl, { title: "Check your Python", kind: "quiz", content: "Five questions on the basics." }),
    201,
    "creating the quiz lesson",
  );
  const quizLessonId = quiz.json<{ lesson: { id: string } }>().lesson.id;
  const quizPath = `${lessonsUrl}/${quizLessonId}`;
  if (settings) expectStatus(await instructor.patch(`${quizPath}/quiz`, settings), 200, "changing the quiz's settings");
  const questions: AuthoredQuestionShape[] = [];
  for (const body of sampleQuestions) {
    const created = expectStatus(await instructor.post(`${quizPath}/questions`, body), 201, `adding the ${body.type} question`);
    questions.push(created.json<{ question: AuthoredQuestionShape }>().question);
  }
  if (publish) await setPublished(instructor, built.courseId, true);

  const [single, multiple, trueFalse, shortText, numeric] = questions as [
    Extract<AuthoredQuestionShape, { type: "single" }>,
    Extract<AuthoredQuestionShape, { type: "multiple" }>,
    AuthoredQuestionShape,
    AuthoredQuestionShape,
    AuthoredQuestionShape,
  ];
  const optionId = (q: { options: QuizOptionShape[] }, text: string) => q.options.find((o) => o.text === text)!.id;
  return {
    ...built,
    quizLessonId,
    quizPath,
    questions,
    answers: {
      single: { questionId: single.id, right: { optionId: optionId(single, "def") }, wrong: { optionId: optionId(single, "func") } },
      multiple: {
        questionId: multiple.id,
        right: { optionIds: [optionId(multiple, "list"), optionId(multiple, "dict")] },
        wrong: { optionIds: [optionId(multiple, "list"), optionId(multiple, "array")] },
      },
      true_false: { questionId: trueFalse.id, right: { optionId: "true" }, wrong: { optionId: "false" } },
      short_text: { questionId: shortText.id, right: { text: "  LEN " }, wrong: { text: "size" } },
      numeric: { questionId: numeric.id, right: { value: "3,5" }, wrong: { value: 3 } },
    },
  };
}
