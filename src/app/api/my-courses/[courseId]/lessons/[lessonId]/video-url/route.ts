import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getLessonVideoUrl } from "@/lib/learning/lesson-for-learner";
import { courseLessonParams } from "@/lib/validation/ids";

/** A signed URL for the lesson's video, valid for one hour. */
export const GET = route({ access: "user", params: courseLessonParams }, async ({ viewer, params }) =>
  NextResponse.json(await getLessonVideoUrl(viewer, params.courseId, params.lessonId), {
    headers: { "cache-control": "private, no-store" },
  }),
);
