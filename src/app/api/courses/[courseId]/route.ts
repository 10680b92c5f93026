import { NextResponse } from "next/server";
import { parseParams, route } from "@/lib/http/handler";
import { getCourseDetail } from "@/lib/learning/course-detail";
import { courseParams } from "@/lib/validation/course";

/** A published course (a draft only for its editors) with its curriculum and the viewer's enrollment. */
export const GET = route<{ courseId: string }>(async (_request, { params }) => {
  const { courseId } = parseParams(await params, courseParams);
  return NextResponse.json(await getCourseDetail(courseId));
});
