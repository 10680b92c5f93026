import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createLesson } from "@/lib/curriculum/manage-lessons";
import { createLessonSchema } from "@/lib/validation/course";
import { moduleParams } from "@/lib/validation/ids";

/** Appends a lesson to the module. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: moduleParams, body: createLessonSchema },
  async ({ viewer, params, body }) =>
    NextResponse.json({ lesson: await createLesson(viewer, params.courseId, params.moduleId, body) }, { status: 201 }),
);
