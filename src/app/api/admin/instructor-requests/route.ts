import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listInstructorRequests } from "@/lib/users/instructor-requests";
import { instructorRequestListSchema } from "@/lib/validation/auth";

/** Admins: requests to teach of one status (?status=pending by default). */
export const GET = route({ access: ["ADMIN"], query: instructorRequestListSchema }, async ({ viewer, query }) =>
  NextResponse.json({ requests: await listInstructorRequests(viewer, query.status) }),
);
