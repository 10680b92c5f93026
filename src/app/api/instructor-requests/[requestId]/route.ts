import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { markTeachingDecisionSeen } from "@/lib/users/instructor-requests";
import { instructorRequestParams, instructorRequestSeenSchema } from "@/lib/validation/auth";

/** { seen: true }: the requester has read the decision, which stops showing on their dashboard. */
export const PATCH = route<{ requestId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { requestId } = parseParams(await params, instructorRequestParams);
  await parseJson(request, instructorRequestSeenSchema);
  const viewer = await requireUser();
  return NextResponse.json({ request: await markTeachingDecisionSeen(viewer, requestId) });
});
