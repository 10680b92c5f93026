import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { listMyInstructorRequests, requestToTeach } from "@/lib/users/instructor-requests";
import { instructorRequestSchema } from "@/lib/validation/auth";

/** The signed-in user's requests to teach. */
export const GET = route(async () => {
  const viewer = await requireUser();
  return NextResponse.json({ requests: await listMyInstructorRequests(viewer) });
});

/** A learner asks to teach: 201 with the pending request, or (INSTRUCTOR_SIGNUP=open) 200 with the new role. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { message } = await parseJson(request, instructorRequestSchema);
  const viewer = await requireUser();
  const outcome = await requestToTeach(viewer, message);
  return NextResponse.json(outcome, { status: "request" in outcome ? 201 : 200 });
});
