import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { submitAttempt } from "@/lib/quizzes/attempts";
import { attemptParams } from "@/lib/validation/quiz";

/** Grades the attempt on the server, once: a second submit answers the same grading. */
export const POST = route({ access: "user", params: attemptParams }, async ({ viewer, params }) =>
  NextResponse.json(await submitAttempt(viewer, params.courseId, params.lessonId, params.attemptId)),
);
