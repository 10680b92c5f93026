import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getMyCourse } from "@/lib/learning/course-detail";
import { courseParams } from "@/lib/validation/ids";

/** An enrolled course: curriculum with completion, course materials, progress and the next lesson. */
export const GET = route({ access: "user", params: courseParams }, async ({ viewer, params }) =>
  NextResponse.json(await getMyCourse(viewer, params.courseId)),
);
