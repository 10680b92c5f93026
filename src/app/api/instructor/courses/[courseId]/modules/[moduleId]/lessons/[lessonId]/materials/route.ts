import { NextResponse } from "next/server";
import { attachMaterial } from "@/lib/curriculum/attach-material";
import { listLessonMaterials } from "@/lib/curriculum/manage-materials";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { lessonParams } from "@/lib/validation/course";
import { completeUploadSchema } from "@/lib/validation/upload";

/** The lesson's materials. */
export const GET = route<{ courseId: string; moduleId: string; lessonId: string }>(async (_request, { params }) => {
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  return NextResponse.json({ materials: await listLessonMaterials(courseId, moduleId, lessonId) });
});

/** { uploadId, parts? }: completes a material upload started for this lesson (POST /api/upload/material) and lists it. */
export const POST = route<{ courseId: string; moduleId: string; lessonId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  const input = await parseJson(request, completeUploadSchema);
  return NextResponse.json(await attachMaterial(courseId, { moduleId, lessonId }, input), { status: 201 });
});
