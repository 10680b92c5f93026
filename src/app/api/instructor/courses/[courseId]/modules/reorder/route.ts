import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { reorderModules } from "@/lib/curriculum/manage-modules";
import { reorderModulesSchema } from "@/lib/validation/course";
import { courseParams } from "@/lib/validation/ids";

/** { moduleIds } in their new order; every module of the course exactly once. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, body: reorderModulesSchema },
  async ({ viewer, params, body }) => NextResponse.json({ modules: await reorderModules(viewer, params.courseId, body.moduleIds) }),
);
