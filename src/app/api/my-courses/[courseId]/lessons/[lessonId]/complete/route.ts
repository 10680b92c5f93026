import { NextResponse } from "next/server";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { completeLessonSchema, myLessonParams } from "@/lib/validation/catalog";

type Params = { courseId: string; lessonId: string };

/** Marks the lesson complete ({ completed: false } undoes it); answers the enrollment's new progress. */
export const POST = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, lessonId } = parseParams(await params, myLessonParams);
  // No body means "complete"; a JSON body may say { completed: false }.
  const isJson = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
  const { completed } = isJson ? await parseJson(request, completeLessonSchema) : { completed: true };
  return NextResponse.json(await setLessonCompleted(courseId, lessonId, completed));
});

/** Undoes a completion. */
export const DELETE = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, lessonId } = parseParams(await params, myLessonParams);
  return NextResponse.json(await setLessonCompleted(courseId, lessonId, false));
});
