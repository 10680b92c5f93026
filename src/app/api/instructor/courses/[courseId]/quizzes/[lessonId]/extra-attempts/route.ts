import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { grantExtraAttempt } from "@/lib/quizzes/extra-attempts";
import { grantAttemptSchema, quizResultsParams } from "@/lib/validation/quiz";

/** One more attempt at the quiz for an enrolled learner ({ learnerId }), beyond its limit; the course's editors only. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: quizResultsParams, body: grantAttemptSchema },
  async ({ viewer, params, body }) =>
    NextResponse.json({ granted: await grantExtraAttempt(viewer, params.courseId, params.lessonId, body.learnerId) }),
);
