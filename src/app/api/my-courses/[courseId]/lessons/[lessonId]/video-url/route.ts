import { NextResponse } from "next/server";
import { parseParams, route } from "@/lib/http/handler";
import { getLessonVideoUrl } from "@/lib/learning/lesson-for-learner";
import { myLessonParams } from "@/lib/validation/catalog";

/** A signed URL for the lesson's video, valid for one hour. */
export const GET = route<{ courseId: string; lessonId: string }>(async (_request, { params }) => {
  const { courseId, lessonId } = parseParams(await params, myLessonParams);
  return NextResponse.json(await getLessonVideoUrl(courseId, lessonId), { headers: { "cache-control": "private, no-store" } });
});
