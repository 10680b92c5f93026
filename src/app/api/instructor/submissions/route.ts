import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listSubmissionQueue } from "@/lib/assignments/grading";
import { submissionQueueQuerySchema } from "@/lib/validation/assignment";

/** The grading queue across the viewer's courses, oldest first: ?courseId=&lessonId=&status=submitted|late|graded|returned. */
export const GET = route({ access: ["INSTRUCTOR", "ADMIN"], query: submissionQueueQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json({ submissions: await listSubmissionQueue(viewer, query) }, { headers: { "cache-control": "private, no-store" } }),
);
