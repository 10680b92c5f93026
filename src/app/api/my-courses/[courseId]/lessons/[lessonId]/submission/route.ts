import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getMySubmission, submitAssignment } from "@/lib/assignments/submissions";
import { submitAssignmentSchema } from "@/lib/validation/assignment";
import { courseLessonParams } from "@/lib/validation/ids";

const noStore = { "cache-control": "private, no-store" };

/** The learner's own submission (null before the first hand-in), its files with signed URLs, status and grade. */
export const GET = route({ access: "user", params: courseLessonParams }, async ({ viewer, params }) =>
  NextResponse.json(await getMySubmission(viewer, params.courseId, params.lessonId), { headers: noStore }),
);

/** Hands in { text?, uploadIds } as a new version of the learner's submission. */
export const POST = route({ access: "user", params: courseLessonParams, body: submitAssignmentSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await submitAssignment(viewer, params.courseId, params.lessonId, body), { status: 201, headers: noStore }),
);
