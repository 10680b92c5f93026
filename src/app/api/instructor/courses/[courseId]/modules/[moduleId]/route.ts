import { NextResponse } from "next/server";
import { deleteModule, updateModule } from "@/lib/curriculum/manage-modules";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { moduleParams, moduleSchema } from "@/lib/validation/course";

type Params = { courseId: string; moduleId: string };

export const PATCH = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId } = parseParams(await params, moduleParams);
  const input = await parseJson(request, moduleSchema);
  return NextResponse.json({ module: await updateModule(courseId, moduleId, input) });
});

/** Deletes the module and its lessons. */
export const DELETE = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId, moduleId } = parseParams(await params, moduleParams);
  await deleteModule(courseId, moduleId);
  return new NextResponse(null, { status: 204 });
});
