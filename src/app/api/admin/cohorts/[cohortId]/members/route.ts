import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { addCohortMembers } from "@/lib/cohorts/manage-cohorts";
import { cohortMembersSchema, cohortParams } from "@/lib/validation/school-enrollment";

/** Admins: { userIds } adds them, and enrolls each new member in the cohort's courses in the same transaction. */
export const POST = route({ access: ["ADMIN"], params: cohortParams, body: cohortMembersSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await addCohortMembers(viewer, params.cohortId, body.userIds)),
);
