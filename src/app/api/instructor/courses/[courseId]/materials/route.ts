import { NextResponse } from "next/server";
import { attachMaterial } from "@/lib/curriculum/attach-material";
import { listCourseMaterials } from "@/lib/curriculum/manage-materials";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { courseParams } from "@/lib/validation/course";
import { completeUploadSchema } from "@/lib/validation/upload";

/** The course-level materials. */
export const GET = route<{ courseId: string }>(async (_request, { params }) => {
  const { courseId } = parseParams(await params, courseParams);
  return NextResponse.json({ materials: await listCourseMaterials(courseId) });
});

/** { uploadId, parts? }: completes a material upload started for this course (POST /api/upload/material) and lists it. */
export const POST = route<{ courseId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  const input = await parseJson(request, completeUploadSchema);
  return NextResponse.json(await attachMaterial(courseId, undefined, input), { status: 201 });
});
