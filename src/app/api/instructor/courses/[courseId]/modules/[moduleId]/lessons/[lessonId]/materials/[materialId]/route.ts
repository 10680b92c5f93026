import { NextResponse } from "next/server";
import { deleteMaterial } from "@/lib/curriculum/manage-materials";
import { parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { lessonMaterialParams } from "@/lib/validation/course";

/** Deletes a material of the lesson and its stored object. */
export const DELETE = route<{ courseId: string; moduleId: string; lessonId: string; materialId: string }>(
  async (request, { params }) => {
    assertSameOrigin(request);
    const { courseId, moduleId, lessonId, materialId } = parseParams(await params, lessonMaterialParams);
    await deleteMaterial(courseId, materialId, { moduleId, lessonId });
    return new NextResponse(null, { status: 204 });
  },
);
