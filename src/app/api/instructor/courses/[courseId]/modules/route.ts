import { NextResponse } from "next/server";
import { createModule } from "@/lib/curriculum/manage-modules";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { courseParams, moduleSchema } from "@/lib/validation/course";

/** Appends a module to the course. */
export const POST = route<{ courseId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  const input = await parseJson(request, moduleSchema);
  return NextResponse.json({ module: await createModule(courseId, input) }, { status: 201 });
});
