import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createModule } from "@/lib/curriculum/manage-modules";
import { moduleSchema } from "@/lib/validation/course";
import { courseParams } from "@/lib/validation/ids";

/** Appends a module to the course. */
export const POST = route({ access: ["INSTRUCTOR", "ADMIN"], params: courseParams, body: moduleSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ module: await createModule(viewer, params.courseId, body) }, { status: 201 }),
);
