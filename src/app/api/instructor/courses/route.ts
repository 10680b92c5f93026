import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createCourse } from "@/lib/courses/manage-course";
import { listInstructorCourses } from "@/lib/courses/list-instructor-courses";
import { createCourseSchema } from "@/lib/validation/course";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** The signed-in instructor's courses. */
export const GET = route({ access: editors }, async ({ viewer }) => NextResponse.json({ courses: await listInstructorCourses(viewer) }));

/** A new draft course. */
export const POST = route({ access: editors, body: createCourseSchema }, async ({ viewer, body }) =>
  NextResponse.json({ course: await createCourse(viewer, body) }, { status: 201 }),
);
