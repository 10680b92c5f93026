import { NextResponse } from "next/server";
import { listCourseMaterials } from "@/lib/curriculum/manage-materials";
import { parseParams, route } from "@/lib/http/handler";
import { courseParams } from "@/lib/validation/course";

/** The course-level materials. */
export const GET = route<{ courseId: string }>(async (_request, { params }) => {
  const { courseId } = parseParams(await params, courseParams);
  return NextResponse.json({ materials: await listCourseMaterials(courseId) });
});
