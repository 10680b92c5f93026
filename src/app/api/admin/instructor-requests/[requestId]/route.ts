import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { decideInstructorRequest } from "@/lib/users/instructor-requests";
import { instructorRequestDecisionSchema, instructorRequestParams } from "@/lib/validation/auth";

/** Admins: { decision: "approve" } makes the requester an instructor; "decline" says no. 409 once decided. */
export const PATCH = route<{ requestId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { requestId } = parseParams(await params, instructorRequestParams);
  const { decision } = await parseJson(request, instructorRequestDecisionSchema);
  const viewer = await requireRole("ADMIN");
  return NextResponse.json({ request: await decideInstructorRequest(viewer, requestId, decision) });
});
