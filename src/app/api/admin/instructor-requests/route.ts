import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/session";
import { parseQuery, route } from "@/lib/http/handler";
import { listInstructorRequests } from "@/lib/users/instructor-requests";
import { instructorRequestListSchema } from "@/lib/validation/auth";

/** Admins: requests to teach of one status (?status=pending by default). */
export const GET = route(async (request) => {
  const { status } = parseQuery(request, instructorRequestListSchema);
  const viewer = await requireRole("ADMIN");
  return NextResponse.json({ requests: await listInstructorRequests(viewer, status) });
});
