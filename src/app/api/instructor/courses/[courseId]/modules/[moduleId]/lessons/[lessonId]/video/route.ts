import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteLessonVideo } from "@/lib/curriculum/manage-lessons";
import { lessonParams } from "@/lib/validation/ids";

/** Removes the lesson's video and its stored object. */
export const DELETE = route({ access: ["INSTRUCTOR", "ADMIN"], params: lessonParams }, async ({ viewer, params }) => {
  await deleteLessonVideo(viewer, params.courseId, params.moduleId, params.lessonId);
  return new NextResponse(null, { status: 204 });
});
