import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { decideInstructorRequest } from "@/lib/users/instructor-requests";
import { instructorRequestDecisionSchema } from "@/lib/validation/auth";
import { instructorRequestParams } from "@/lib/validation/ids";

/** Admins: { decision: "approve" } makes the requester an instructor; "decline" says no. 409 once decided. */
export const PATCH = route(
  { access: ["ADMIN"], params: instructorRequestParams, body: instructorRequestDecisionSchema },
  async ({ viewer, params, body }) =>
    NextResponse.json({ request: await decideInstructorRequest(viewer, params.requestId, body.decision) }),
);
