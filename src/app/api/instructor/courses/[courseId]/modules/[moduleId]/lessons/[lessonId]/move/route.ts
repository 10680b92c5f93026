import { NextResponse } from "next/server";
import { moveLesson } from "@/lib/curriculum/manage-lessons";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { lessonParams, moveLessonSchema } from "@/lib/validation/course";

/** { moduleId, position }: moves the lesson within its module or to another module of the course. */
export const POST = route<{ courseId: string; moduleId: string; lessonId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  const target = await parseJson(request, moveLessonSchema);
  return NextResponse.json({ lesson: await moveLesson(courseId, moduleId, lessonId, target) });
});
