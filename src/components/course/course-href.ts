/**
 * A course page's URL: /courses/<slug>. Every link to a course page is built here; the page itself redirects its id
 * and old slugs to this one.
 */
export function courseHref(course: { slug: string }, query?: string): string {
  return `/courses/${course.slug}${query ? `?${query}` : ""}`;
}
