import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteModule, updateModule } from "@/lib/curriculum/manage-modules";
import { moduleSchema } from "@/lib/validation/course";
import { moduleParams } from "@/lib/validation/ids";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

export const PATCH = route({ access: editors, params: moduleParams, body: moduleSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ module: await updateModule(viewer, params.courseId, params.moduleId, body) }),
);

/** Deletes the module and its lessons. */
export const DELETE = route({ access: editors, params: moduleParams }, async ({ viewer, params }) => {
  await deleteModule(viewer, params.courseId, params.moduleId);
  return new NextResponse(null, { status: 204 });
});
