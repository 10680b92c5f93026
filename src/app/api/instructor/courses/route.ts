import { NextResponse } from "next/server";
import { createCourse } from "@/lib/courses/manage-course";
import { listInstructorCourses } from "@/lib/courses/list-instructor-courses";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { createCourseSchema } from "@/lib/validation/course";

/** The signed-in instructor's courses. */
export const GET = route(async () => NextResponse.json({ courses: await listInstructorCourses() }));

/** A new draft course. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, createCourseSchema);
  return NextResponse.json({ course: await createCourse(input) }, { status: 201 });
});
