import { NextResponse } from "next/server";
import { deleteMaterial } from "@/lib/curriculum/manage-materials";
import { parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { materialParams } from "@/lib/validation/course";

/** Deletes a material of the course and its stored object. */
export const DELETE = route<{ courseId: string; materialId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, materialId } = parseParams(await params, materialParams);
  await deleteMaterial(courseId, materialId);
  return new NextResponse(null, { status: 204 });
});
