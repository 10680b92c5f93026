import { NextResponse } from "next/server";
import { setCoursePublished } from "@/lib/courses/manage-course";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { courseParams, publishSchema } from "@/lib/validation/course";

/** { published: true } publishes (the refusal names what is missing), { published: false } unpublishes. */
export const POST = route<{ courseId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  const { published } = await parseJson(request, publishSchema);
  return NextResponse.json({ course: await setCoursePublished(courseId, published) });
});
