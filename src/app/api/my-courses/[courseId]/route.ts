import { NextResponse } from "next/server";
import { parseParams, route } from "@/lib/http/handler";
import { getMyCourse } from "@/lib/learning/course-detail";
import { courseParams } from "@/lib/validation/course";

/** An enrolled course: curriculum with completion, course materials, progress and the next lesson. */
export const GET = route<{ courseId: string }>(async (_request, { params }) => {
  const { courseId } = parseParams(await params, courseParams);
  return NextResponse.json(await getMyCourse(courseId));
});
