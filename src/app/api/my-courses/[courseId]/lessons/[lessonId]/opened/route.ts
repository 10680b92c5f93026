import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { recordLessonOpened } from "@/lib/learning/lesson-progress";
import { courseLessonParams } from "@/lib/validation/ids";

/** The player says the learner has the lesson on screen: it becomes where they stopped. No body. */
export const POST = route({ access: "user", params: courseLessonParams }, async ({ viewer, params }) =>
  NextResponse.json(await recordLessonOpened(viewer, params.courseId, params.lessonId)),
);
