import { NextResponse } from "next/server";
import { deleteLessonVideo } from "@/lib/curriculum/manage-lessons";
import { parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { lessonParams } from "@/lib/validation/course";

/** Removes the lesson's video and its stored object. */
export const DELETE = route<{ courseId: string; moduleId: string; lessonId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  await deleteLessonVideo(courseId, moduleId, lessonId);
  return new NextResponse(null, { status: 204 });
});
