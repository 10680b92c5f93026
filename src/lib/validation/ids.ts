import { z } from "zod";

/**
 * Ids in paths and bodies, and the route params made of them. A malformed id in a path is answered 404, as if the
 * object did not exist (src/app/_http/route.ts), so the messages here only show for ids in bodies.
 */

export const id = z.uuid({ error: "Not a valid id." });

export const courseParams = z.object({ courseId: id });
export const moduleParams = courseParams.extend({ moduleId: id });
export const lessonParams = moduleParams.extend({ lessonId: id });
export const materialParams = courseParams.extend({ materialId: id });
export const lessonMaterialParams = lessonParams.extend({ materialId: id });
/** A lesson addressed through its course alone, as the learner's URLs do. */
export const courseLessonParams = courseParams.extend({ lessonId: id });
export const courseLessonMaterialParams = courseLessonParams.extend({ materialId: id });
export const uploadParams = z.object({ uploadId: id });
export const instructorRequestParams = z.object({ requestId: id });
/** User ids are Auth.js's: text, not necessarily a uuid. */
export const userIdParams = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
export const categoryParams = z.object({ categoryId: id });
