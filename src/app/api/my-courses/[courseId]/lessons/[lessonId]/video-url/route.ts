import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getLessonVideoUrl } from "@/lib/learning/lesson-for-learner";
import { myLessonParams } from "@/lib/validation/catalog";

/** A signed URL for the lesson's video, valid for one hour. */
export const GET = route({ access: "user", params: myLessonParams }, async ({ viewer, params }) =>
  NextResponse.json(await getLessonVideoUrl(viewer, params.courseId, params.lessonId), { headers: { "cache-control": "private, no-store" } }),
);
