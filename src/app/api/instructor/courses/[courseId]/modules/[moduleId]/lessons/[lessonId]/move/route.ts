import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { moveLesson } from "@/lib/curriculum/manage-lessons";
import { moveLessonSchema } from "@/lib/validation/course";
import { lessonParams } from "@/lib/validation/ids";

/** { moduleId, position }: moves the lesson within its module or to another module of the course. */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: lessonParams, body: moveLessonSchema },
  async ({ viewer, params: { courseId, moduleId, lessonId }, body }) =>
    NextResponse.json({ lesson: await moveLesson(viewer, courseId, moduleId, lessonId, body) }),
);
