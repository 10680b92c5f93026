import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteLesson, getLessonForEditor, updateLesson } from "@/lib/curriculum/manage-lessons";
import { updateLessonSchema } from "@/lib/validation/course";
import { lessonParams } from "@/lib/validation/ids";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

export const GET = route({ access: editors, params: lessonParams }, async ({ viewer, params: { courseId, moduleId, lessonId } }) =>
  NextResponse.json({ lesson: await getLessonForEditor(viewer, courseId, moduleId, lessonId) }),
);

export const PATCH = route(
  { access: editors, params: lessonParams, body: updateLessonSchema },
  async ({ viewer, params: { courseId, moduleId, lessonId }, body }) =>
    NextResponse.json({ lesson: await updateLesson(viewer, courseId, moduleId, lessonId, body) }),
);

export const DELETE = route({ access: editors, params: lessonParams }, async ({ viewer, params: { courseId, moduleId, lessonId } }) => {
  await deleteLesson(viewer, courseId, moduleId, lessonId);
  return new NextResponse(null, { status: 204 });
});
