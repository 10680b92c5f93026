/** Where a quiz's results live: the page, its API (JSON and ?format=csv) and the grant route. */
export const quizResultsHref = (courseId: string, lessonId: string) => `/instructor/courses/${courseId}/quizzes/${lessonId}`;
export const quizResultsApi = (courseId: string, lessonId: string) => `/api/instructor/courses/${courseId}/quizzes/${lessonId}/results`;
export const grantAttemptApi = (courseId: string, lessonId: string) =>
  `/api/instructor/courses/${courseId}/quizzes/${lessonId}/extra-attempts`;
