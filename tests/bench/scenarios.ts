/**
 * What `npm run bench` measures. Add a row to `scenarios` to measure another page or API call; every figure is printed
 * as a ratio to `baseline`, a page that reads no data, measured first and last in the same run.
 */
export type Scenario = {
  name: string;
  path: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string;
};

export const baseline: Scenario = { name: "static page", path: "/about" };

/** What the learner scenarios need from the generated data: a signed-in learner and a course they are enrolled in. */
export type ScenarioContext = {
  /** The bench learner's Cookie header. */
  cookie: string;
  courseId: string;
  /** Two lessons of that course; the first has a video. */
  lessonIds: [string, string];
  /** A word of the generated titles, for the search scenarios. */
  searchWord: string;
};

export function scenarios({ cookie, courseId, lessonIds: [lessonId], searchWord }: ScenarioContext): Scenario[] {
  const asLearner = { cookie };
  const lesson = `/api/my-courses/${courseId}/lessons/${lessonId}`;
  return [
    { name: "catalog (cached)", path: "/courses" },
    { name: "home", path: "/" },
    { name: "catalog search", path: `/courses?q=${encodeURIComponent(searchWord)}` },
    { name: "API catalog (cached)", path: "/api/courses" },
    { name: "API catalog search", path: `/api/courses?q=${encodeURIComponent(searchWord)}` },
    { name: "lesson page", path: `/my-courses/${courseId}/lessons/${lessonId}`, headers: asLearner },
    { name: "my course API", path: `/api/my-courses/${courseId}`, headers: asLearner },
    { name: "lesson video URL", path: `${lesson}/video-url`, headers: asLearner },
    {
      name: "mark complete",
      path: `${lesson}/complete`,
      method: "POST",
      headers: { ...asLearner, "content-type": "application/json" },
      body: JSON.stringify({ completed: true }),
    },
  ];
}
