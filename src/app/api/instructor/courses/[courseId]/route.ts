import { NextResponse } from "next/server";
import { getCourseForEditor } from "@/lib/courses/get-course-for-editor";
import { deleteCourse, updateCourse } from "@/lib/courses/manage-course";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { courseParams, updateCourseSchema } from "@/lib/validation/course";

type Params = { courseId: string };

/** The course with its curriculum and materials, for its editors. */
export const GET = route<Params>(async (_request, { params }) => {
  const { courseId } = parseParams(await params, courseParams);
  return NextResponse.json(await getCourseForEditor(courseId));
});

export const PATCH = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  const input = await parseJson(request, updateCourseSchema);
  return NextResponse.json({ course: await updateCourse(courseId, input) });
});

/** Deletes the course, its rows and every stored object. */
export const DELETE = route<Params>(async (request, { params }) => {
  assertSameOrigin(request);
  const { courseId } = parseParams(await params, courseParams);
  await deleteCourse(courseId);
  return new NextResponse(null, { status: 204 });
});
