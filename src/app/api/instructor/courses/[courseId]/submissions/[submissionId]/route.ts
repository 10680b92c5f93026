import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getSubmissionForGrading } from "@/lib/assignments/grading";
import { submissionParams } from "@/lib/validation/assignment";

/** The grading view's data: the assignment, the learner, every version with its files (signed URLs). */
export const GET = route({ access: ["INSTRUCTOR", "ADMIN"], params: submissionParams }, async ({ viewer, params }) =>
  NextResponse.json(await getSubmissionForGrading(viewer, params.courseId, params.submissionId), {
    headers: { "cache-control": "private, no-store" },
  }),
);
