import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { setCoursePublished } from "@/lib/courses/manage-course";
import { courseParams, publishSchema } from "@/lib/validation/course";

/** { published: true } publishes (the refusal names what is missing), { published: false } unpublishes. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, body: publishSchema },
  async ({ viewer, params, body }) => NextResponse.json({ course: await setCoursePublished(viewer, params.courseId, body.published) }),
);
