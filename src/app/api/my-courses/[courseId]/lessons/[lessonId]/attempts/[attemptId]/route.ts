import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getMyAttempt } from "@/lib/quizzes/attempts";
import { attemptParams } from "@/lib/validation/quiz";

/** One of the learner's attempts: its questions and saved answers, and once graded what the quiz lets them see. */
export const GET = route({ access: "user", params: attemptParams }, async ({ viewer, params }) =>
  NextResponse.json(await getMyAttempt(viewer, params.courseId, params.lessonId, params.attemptId)),
);
