import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { enrollByStaff } from "@/lib/enrollments/staff-enrollment";
import { courseParams } from "@/lib/validation/ids";
import { staffEnrollSchema } from "@/lib/validation/school-enrollment";

/**
 * The course's instructor and admins: { userIds } or { cohortId } (exactly one), with an optional endsAt, enrolls
 * them; those already enrolled are left as they are and listed in alreadyEnrolled.
 */
export const POST = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, body: staffEnrollSchema },
  async ({ viewer, params, body }) => NextResponse.json(await enrollByStaff(viewer, params.courseId, body)),
);
