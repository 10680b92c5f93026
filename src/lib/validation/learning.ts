import { z } from "zod";

/** What a learner sends about their progress; shared by the player and the my-courses API. */

export const completeLessonSchema = z.object({ completed: z.boolean({ error: "completed must be true or false." }).default(true) });

export const videoPositionSchema = z.object({
  seconds: z
    .number({ error: "Give the position in seconds." })
    .min(0, "The position cannot be negative.")
    .max(24 * 60 * 60)
    .transform(Math.floor),
});

/** My courses' filter, from the page's URL (`?show=`): the full list unless one is chosen. */
export const MY_COURSES_FILTERS = ["in-progress", "completed", "all"] as const;
export const myCoursesSearchSchema = z.object({ show: z.enum(MY_COURSES_FILTERS).default("all") });
export type MyCoursesFilter = z.infer<typeof myCoursesSearchSchema>["show"];
