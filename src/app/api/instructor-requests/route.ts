import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listMyInstructorRequests, requestToTeach } from "@/lib/users/instructor-requests";
import { instructorRequestSchema } from "@/lib/validation/auth";

/** The signed-in user's requests to teach. */
export const GET = route({ access: "user" }, async ({ viewer }) => NextResponse.json({ requests: await listMyInstructorRequests(viewer) }));

/** A learner asks to teach: 201 with the pending request, or (INSTRUCTOR_SIGNUP=open) 200 with the new role. */
export const POST = route({ access: "user", body: instructorRequestSchema }, async ({ viewer, body }) => {
  const outcome = await requestToTeach(viewer, body.message);
  return NextResponse.json(outcome, { status: "request" in outcome ? 201 : 200 });
});
