import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { saveVideoPosition } from "@/lib/learning/lesson-progress";
import { courseLessonParams } from "@/lib/validation/ids";
import { videoPositionSchema } from "@/lib/validation/learning";

/** { seconds }: where the learner is in the lesson's video, kept for every device. */
export const PUT = route({ access: "user", params: courseLessonParams, body: videoPositionSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await saveVideoPosition(viewer, params.courseId, params.lessonId, body.seconds)),
);
