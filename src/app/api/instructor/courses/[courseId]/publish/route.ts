import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { setCoursePublished } from "@/lib/courses/manage-course";
import { publishSchema } from "@/lib/validation/course";
import { courseParams } from "@/lib/validation/ids";

/** { published: true } publishes (the refusal names what is missing), { published: false } unpublishes. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, body: publishSchema },
  async ({ viewer, params, body }) => NextResponse.json({ course: await setCoursePublished(viewer, params.courseId, body.published) }),
);
