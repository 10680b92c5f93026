import { NextResponse } from "next/server";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { createLessonSchema, moduleParams } from "@/lib/validation/course";

/** Appends a lesson to the module. */
export const POST = route<{ courseId: string; moduleId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId } = parseParams(await params, moduleParams);
  const input = await parseJson(request, createLessonSchema);
  return NextResponse.json({ lesson: await createLesson(courseId, moduleId, input) }, { status: 201 });
});
