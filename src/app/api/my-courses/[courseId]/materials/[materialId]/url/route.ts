import { NextResponse } from "next/server";
import { parseParams, route } from "@/lib/http/handler";
import { getMaterialUrl } from "@/lib/learning/lesson-for-learner";
import { myMaterialParams } from "@/lib/validation/catalog";

/** A signed download URL for a material of the course, valid for one hour. */
export const GET = route<{ courseId: string; materialId: string }>(async (_request, { params }) => {
  const { courseId, materialId } = parseParams(await params, myMaterialParams);
  return NextResponse.json(await getMaterialUrl(courseId, materialId), { headers: { "cache-control": "private, no-store" } });
});
