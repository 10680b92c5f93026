import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteMaterial } from "@/lib/curriculum/manage-materials";
import { lessonMaterialParams } from "@/lib/validation/ids";

/** Deletes a material of the lesson and its stored object. */
export const DELETE = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: lessonMaterialParams },
  async ({ viewer, params: { courseId, moduleId, lessonId, materialId } }) => {
    await deleteMaterial(viewer, courseId, materialId, { moduleId, lessonId });
    return new NextResponse(null, { status: 204 });
  },
);
