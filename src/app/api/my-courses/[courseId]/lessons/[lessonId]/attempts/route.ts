import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listMyAttempts, startAttempt } from "@/lib/quizzes/attempts";
import { courseLessonParams } from "@/lib/validation/ids";

/** The learner's attempts at this quiz, and the quiz's settings and attempts left, for its intro. */
export const GET = route({ access: "user", params: courseLessonParams }, async ({ viewer, params }) =>
  NextResponse.json(await listMyAttempts(viewer, params.courseId, params.lessonId)),
);

/** Starts an attempt (201), or answers the one still open (200); past the allowed attempts a 409. */
export const POST = route({ access: "user", params: courseLessonParams }, async ({ viewer, params }) => {
  const { created, ...started } = await startAttempt(viewer, params.courseId, params.lessonId);
  return NextResponse.json(started, { status: created ? 201 : 200 });
});
