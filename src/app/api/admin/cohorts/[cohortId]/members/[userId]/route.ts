import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { removeCohortMember } from "@/lib/cohorts/manage-cohorts";
import { cohortMemberParams } from "@/lib/validation/school-enrollment";

/** Admins: removes the member (204). Their enrollments stay. */
export const DELETE = route({ access: ["ADMIN"], params: cohortMemberParams }, async ({ viewer, params }) => {
  await removeCohortMember(viewer, params.cohortId, params.userId);
  return new NextResponse(null, { status: 204 });
});
