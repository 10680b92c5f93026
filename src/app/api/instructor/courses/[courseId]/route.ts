import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getCourseForEditor } from "@/lib/courses/get-course-for-editor";
import { deleteCourse, updateCourse } from "@/lib/courses/manage-course";
import { updateCourseSchema } from "@/lib/validation/course";
import { courseParams } from "@/lib/validation/ids";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** The course with its curriculum and materials, for its editors. */
export const GET = route({ access: editors, params: courseParams }, async ({ viewer, params }) =>
  NextResponse.json(await getCourseForEditor(viewer, params.courseId)),
);

export const PATCH = route({ access: editors, params: courseParams, body: updateCourseSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ course: await updateCourse(viewer, params.courseId, body) }),
);

/** Deletes the course, its rows and every stored object. */
export const DELETE = route({ access: editors, params: courseParams }, async ({ viewer, params }) => {
  await deleteCourse(viewer, params.courseId);
  return new NextResponse(null, { status: 204 });
});
