import { NextResponse } from "next/server";
import { deleteLesson, getLessonForEditor, updateLesson } from "@/lib/curriculum/manage-lessons";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { lessonParams, updateLessonSchema } from "@/lib/validation/course";

type Params = { courseId: string; moduleId: string; lessonId: string };

export const GET = route<Params>(async (_request, { params }) => {
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  return NextResponse.json({ lesson: await getLessonForEditor(courseId, moduleId, lessonId) });
});

export const PATCH = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  const input = await parseJson(request, updateLessonSchema);
  return NextResponse.json({ lesson: await updateLesson(courseId, moduleId, lessonId, input) });
});

export const DELETE = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  await deleteLesson(courseId, moduleId, lessonId);
  return new NextResponse(null, { status: 204 });
});
