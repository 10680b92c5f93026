import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { markTeachingDecisionSeen } from "@/lib/users/instructor-requests";
import { instructorRequestSeenSchema } from "@/lib/validation/auth";
import { instructorRequestParams } from "@/lib/validation/ids";

/** { seen: true }: the requester has read the decision, which stops showing on their dashboard. */
export const PATCH = route(
  { access: "user", params: instructorRequestParams, body: instructorRequestSeenSchema },
  async ({ viewer, params }) => NextResponse.json({ request: await markTeachingDecisionSeen(viewer, params.requestId) }),
);
