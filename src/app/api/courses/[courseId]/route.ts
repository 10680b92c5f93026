import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getCourseDetail } from "@/lib/learning/course-detail";
import { courseParams } from "@/lib/validation/ids";

/** A published course (a draft only for its editors) with its curriculum and the viewer's enrollment. */
export const GET = route({ access: "anyone", params: courseParams }, async ({ viewer, params }) =>
  NextResponse.json(await getCourseDetail(viewer, params.courseId)),
);
