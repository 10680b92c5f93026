import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { parseJson } from "@/lib/http/handler";
import { setLessonCompleted } from "@/lib/learning/lesson-progress";
import { courseLessonParams } from "@/lib/validation/ids";
import { completeLessonSchema } from "@/lib/validation/learning";

/**
 * Marks the lesson complete ({ completed: false } undoes it); answers the enrollment's new progress. The body is
 * optional, so the handler parses it; access is "anyone" so that a bad body is still a 400 before a signed-out 401 (the
 * house order): setLessonCompleted answers the 401.
 */
export const POST = route({ access: "anyone", params: courseLessonParams }, async ({ request, viewer, params }) => {
  // No body means "complete"; a JSON body may say { completed: false }.
  const isJson = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
  const { completed } = isJson ? await parseJson(request, completeLessonSchema) : { completed: true };
  return NextResponse.json(await setLessonCompleted(viewer, params.courseId, params.lessonId, completed));
});

/** Undoes a completion. */
export const DELETE = route({ access: "user", params: courseLessonParams }, async ({ viewer, params }) =>
  NextResponse.json(await setLessonCompleted(viewer, params.courseId, params.lessonId, false)),
);
