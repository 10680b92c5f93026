import { QUIZ_QUESTIONS, type QuizBench } from "./quiz-bench";

/**
 * What `npm run bench` measures. Add a row to `scenarios` to measure another page or API call; every figure is printed
 * as a ratio to two baselines measured first and last in the same run: a file from /_next/static (the ceiling: what
 * the same server does with no app code at all) and `trivialPage`, an app page that reads no data.
 */
export type Scenario = {
  name: string;
  path: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
  /** A page or route still being built elsewhere: while it answers 404 the bench reports it as not available. */
  optional?: boolean;
  /** Each request's path, when requests must differ (one attempt per submit); `path` then only describes them. */
  nextPath?: () => string;
  /** Something that makes the figures wrong, found after the run (a pool of prepared rows used up). */
  problem?: () => string | null;
};

/**
 * An app page that reads no data: what every page costs before it reads anything (proxy, layout, rendering). Asked as
 * Next's client router asks (no `Accept: text/html`), so it is rendered per request, not served from the public page
 * cache (src/lib/http/public-page-cache.ts); `visitorPage` is the same page as a browser's page load gets it.
 */
export const trivialPage: Scenario = { name: "trivial page", path: "/about" };

/** A browser's page load: what a visitor without a session gets from the public page cache. */
const asVisitor = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

/** The ceiling: a file of the build, served by the same server without the proxy or any app code. */
export function staticFile(path: string): Scenario {
  return { name: "static file", path };
}

/** What the learner scenarios need from the generated data: a signed-in learner and a course they are enrolled in. */
export type ScenarioContext = {
  /** The bench learner's Cookie header. */
  cookie: string;
  courseId: string;
  /** That course's slug: it is published (enrollments go to published courses), so its public page answers. */
  courseSlug: string;
  /** Two lessons of that course; the first has a video. */
  lessonIds: [string, string];
  /** A word of the generated titles, for the search scenarios. */
  searchWord: string;
  /** The analytics instructor's Cookie header and their course of many learners, when the run generated one. */
  analytics: { cookie: string; courseId: string } | null;
  /** The quiz course the bench learner takes (tests/bench/quiz-bench.ts), when the run generated one. */
  quiz: QuizBench | null;
};

/**
 * Taking a quiz as the bench learner: starting (the attempt is open, so the start returns it: a reload or a second
 * device), and submitting a different open attempt of ten saved answers each time (graded, passed, the lesson completed
 * and progress recomputed in one transaction).
 */
function quizScenarios(cookie: string, quiz: QuizBench): Scenario[] {
  return [
    {
      name: "quiz: start (open attempt)",
      path: `/api/my-courses/${quiz.courseId}/lessons/${quiz.startLessonId}/attempts`,
      method: "POST",
      headers: { cookie },
    },
    {
      name: `quiz: submit (${QUIZ_QUESTIONS} questions)`,
      path: `/api/my-courses/${quiz.courseId}/lessons/[quiz]/attempts/[open attempt]/submit`,
      method: "POST",
      headers: { cookie },
      nextPath: quiz.nextSubmitPath,
      problem: () =>
        quiz.exhausted()
          ? `the ${quiz.pool} prepared attempts ran out after ${quiz.pool} submits (${quiz.used()} asked): run with a larger --quiz-pool`
          : null,
    },
  ];
}

/** A course's analytics for its instructor, over all time, as a page and as JSON. */
function analyticsScenarios({ cookie, courseId }: { cookie: string; courseId: string }): Scenario[] {
  return [
    { name: "analytics page (all)", path: `/instructor/courses/${courseId}/analytics?range=all`, headers: { cookie }, optional: true },
    { name: "API analytics (all)", path: `/api/instructor/courses/${courseId}/analytics?range=all`, headers: { cookie }, optional: true },
  ];
}

export function scenarios({
  cookie,
  courseId,
  courseSlug,
  lessonIds: [lessonId],
  searchWord,
  analytics,
  quiz,
}: ScenarioContext): Scenario[] {
  const asLearner = { cookie };
  const lesson = `/api/my-courses/${courseId}/lessons/${lessonId}`;
  return [
    { name: "about, visitor (page cache)", path: "/about", headers: asVisitor },
    { name: "catalog, visitor (page cache)", path: "/courses", headers: asVisitor },
    { name: "home, visitor (page cache)", path: "/", headers: asVisitor },
    // A visitor's view of one course: what a search result or a shared link opens.
    { name: "course page, visitor (page cache)", path: `/courses/${courseSlug}`, headers: asVisitor },
    { name: "course page, rendered", path: `/courses/${courseSlug}` },
    { name: "catalog search", path: `/courses?q=${encodeURIComponent(searchWord)}` },
    { name: "API catalog (cached)", path: "/api/courses" },
    { name: "API catalog search", path: `/api/courses?q=${encodeURIComponent(searchWord)}` },
    { name: "lesson page", path: `/my-courses/${courseId}/lessons/${lessonId}`, headers: asLearner },
    { name: "my course API", path: `/api/my-courses/${courseId}`, headers: asLearner },
    { name: "lesson video URL", path: `${lesson}/video-url`, headers: asLearner },
    // The Questions panel of a lesson: its first page of threads, newest first.
    { name: "questions: a lesson's first page", path: `/api/courses/${courseId}/discussions?lessonId=${lessonId}`, headers: asLearner },
    // What one signed-in page costs the server every 30 seconds while it is open: the bell's unread count.
    { name: "bell: unread count", path: "/api/notifications?limit=0", headers: asLearner },
    {
      name: "mark complete",
      path: `${lesson}/complete`,
      method: "POST",
      headers: { ...asLearner, "content-type": "application/json" },
      body: JSON.stringify({ completed: true }),
    },
    ...(quiz ? quizScenarios(cookie, quiz) : []),
    ...(analytics ? analyticsScenarios(analytics) : []),
  ];
}
