import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getMaterialUrl } from "@/lib/learning/lesson-for-learner";
import { courseLessonMaterialParams } from "@/lib/validation/ids";

/** A signed download URL for a material of the lesson, valid for one hour. */
export const GET = route({ access: "user", params: courseLessonMaterialParams }, async ({ viewer, params }) => {
  const { courseId, lessonId, materialId } = params;
  return NextResponse.json(await getMaterialUrl(viewer, courseId, materialId, lessonId), {
    headers: { "cache-control": "private, no-store" },
  });
});
