/** Where the learner's pages and the editors' preview link to (course pages: courseHref in components/course). */

/** The player's lessons of a course: a lesson is at `${playerPath(courseId)}/${lessonId}`. */
export const playerPath = (courseId: string) => `/my-courses/${courseId}/lessons`;
export const playerHref = (courseId: string, lessonId: string) => `${playerPath(courseId)}/${lessonId}`;

/** The editors' preview of a course as a learner sees it; its lessons are at `${previewPath(courseId)}/lessons/…`. */
export const previewPath = (courseId: string) => `/instructor/courses/${courseId}/preview`;
export const previewLessonHref = (courseId: string, lessonId: string) => `${previewPath(courseId)}/lessons/${lessonId}`;
