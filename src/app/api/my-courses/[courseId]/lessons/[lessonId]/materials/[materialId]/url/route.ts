import { NextResponse } from "next/server";
import { parseParams, route } from "@/lib/http/handler";
import { getMaterialUrl } from "@/lib/learning/lesson-for-learner";
import { myLessonMaterialParams } from "@/lib/validation/catalog";

/** A signed download URL for a material of the lesson, valid for one hour. */
export const GET = route<{ courseId: string; lessonId: string; materialId: string }>(async (_request, { params }) => {
  const { courseId, lessonId, materialId } = parseParams(await params, myLessonMaterialParams);
  return NextResponse.json(await getMaterialUrl(courseId, materialId, lessonId), { headers: { "cache-control": "private, no-store" } });
});
