import { NextResponse } from "next/server";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { saveVideoPosition } from "@/lib/learning/lesson-progress";
import { myLessonParams, videoPositionSchema } from "@/lib/validation/catalog";

/** { seconds }: where the learner is in the lesson's video, kept for every device. */
export const PUT = route<{ courseId: string; lessonId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, lessonId } = parseParams(await params, myLessonParams);
  const { seconds } = await parseJson(request, videoPositionSchema);
  return NextResponse.json(await saveVideoPosition(courseId, lessonId, seconds));
});
