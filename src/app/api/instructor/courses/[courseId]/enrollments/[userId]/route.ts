import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { setEnrollmentEnd, unenrollByStaff } from "@/lib/enrollments/staff-enrollment";
import { courseUserParams, enrollmentEndSchema } from "@/lib/validation/school-enrollment";

const staff = ["INSTRUCTOR", "ADMIN"] as const;

/** { endsAt } (an ISO date-time, or null for none): after it the course is read-only for this learner. */
export const PATCH = route({ access: staff, params: courseUserParams, body: enrollmentEndSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ enrollment: await setEnrollmentEnd(viewer, params.courseId, params.userId, body.endsAt) }),
);

/** Unenrolls the learner: their progress, quiz attempts and submissions in this course go with the enrollment (204). */
export const DELETE = route({ access: staff, params: courseUserParams }, async ({ viewer, params }) => {
  await unenrollByStaff(viewer, params.courseId, params.userId);
  return new NextResponse(null, { status: 204 });
});
