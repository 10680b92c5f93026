import { NextResponse } from "next/server";
import { parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { enroll } from "@/lib/learning/enroll";
import { courseParams } from "@/lib/validation/course";

/** Enrolls the signed-in user: 201 the first time, 200 with the same enrollment after that. */
export const POST = route<{ courseId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  const { enrollment, created } = await enroll(courseId);
  return NextResponse.json({ enrollment, created }, { status: created ? 201 : 200 });
});
