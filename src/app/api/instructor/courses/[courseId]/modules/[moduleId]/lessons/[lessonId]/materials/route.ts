import { NextResponse } from "next/server";
import { listLessonMaterials } from "@/lib/curriculum/manage-materials";
import { parseParams, route } from "@/lib/http/handler";
import { lessonParams } from "@/lib/validation/course";

/** The lesson's materials. */
export const GET = route<{ courseId: string; moduleId: string; lessonId: string }>(async (_request, { params }) => {
  const { courseId, moduleId, lessonId } = parseParams(await params, lessonParams);
  return NextResponse.json({ materials: await listLessonMaterials(courseId, moduleId, lessonId) });
});
