import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteMaterial } from "@/lib/curriculum/manage-materials";
import { materialParams } from "@/lib/validation/ids";

/** Deletes a material of the course and its stored object. */
export const DELETE = route({ access: ["INSTRUCTOR", "ADMIN"], params: materialParams }, async ({ viewer, params }) => {
  await deleteMaterial(viewer, params.courseId, params.materialId);
  return new NextResponse(null, { status: 204 });
});
