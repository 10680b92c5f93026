import { NextResponse } from "next/server";
import { reorderModules } from "@/lib/curriculum/manage-modules";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { courseParams, reorderModulesSchema } from "@/lib/validation/course";

/** { moduleIds } in their new order; every module of the course exactly once. */
export const POST = route<{ courseId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  const { moduleIds } = await parseJson(request, reorderModulesSchema);
  return NextResponse.json({ modules: await reorderModules(courseId, moduleIds) });
});
