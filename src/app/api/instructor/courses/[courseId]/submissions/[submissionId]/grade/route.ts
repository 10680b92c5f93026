import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { gradeSubmission } from "@/lib/assignments/grading";
import { gradeSubmissionSchema, submissionParams } from "@/lib/validation/assignment";

/** Grades the latest version { points, feedback, returnForRevision? }; a passing grade completes the lesson. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: submissionParams, body: gradeSubmissionSchema },
  async ({ viewer, params, body }) => NextResponse.json(await gradeSubmission(viewer, params.courseId, params.submissionId, body)),
);
