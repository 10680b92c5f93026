/** The query string of the grading queue's filters, kept by the grading view so that its Previous and Next follow the same list. */
export function queueQuery(filters: { courseId?: string; lessonId?: string; status?: string }): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"));
  const text = params.toString();
  return text ? `?${text}` : "";
}
