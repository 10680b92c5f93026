import type { AnalyticsRange, LearnersQuery } from "@/lib/validation/analytics";

/** Everything the per-course analytics page keeps in its URL. */
export type CourseAnalyticsView = LearnersQuery & { range: AnalyticsRange };

function learnerParams(view: Pick<CourseAnalyticsView, "q" | "sort" | "dir" | "cohortId">) {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.cohortId) params.set("cohortId", view.cohortId);
  if (view.sort !== "enrolled") params.set("sort", view.sort);
  if (view.dir !== "desc") params.set("dir", view.dir);
  return params;
}

/** The page's URL for a view, defaults left out so that one view has one URL to share. */
export function courseAnalyticsHref(courseId: string, view: CourseAnalyticsView): string {
  const params = learnerParams(view);
  if (view.range !== "30d") params.set("range", view.range);
  if (view.page > 1) params.set("page", String(view.page));
  const s = params.toString();
  return `/instructor/courses/${courseId}/analytics${s ? `?${s}` : ""}`;
}

/** Every learner matching the view's search, in its order, as CSV. */
export function learnersCsvHref(courseId: string, view: CourseAnalyticsView): string {
  const params = learnerParams(view);
  params.set("format", "csv");
  return `/api/instructor/courses/${courseId}/analytics/learners?${params.toString()}`;
}

/** An overview page's URL (the instructor's or the admin's) for a range and cohort, defaults left out. */
export function overviewHref(path: string, view: { range: AnalyticsRange; cohortId?: string }): string {
  const params = new URLSearchParams();
  if (view.range !== "30d") params.set("range", view.range);
  if (view.cohortId) params.set("cohortId", view.cohortId);
  const s = params.toString();
  return `${path}${s ? `?${s}` : ""}`;
}
