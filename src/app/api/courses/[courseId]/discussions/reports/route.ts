import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listReports } from "@/lib/discussions/moderation";
import { reportListQuerySchema } from "@/lib/validation/discussions";
import { courseParams } from "@/lib/validation/ids";

/** The course's reports for its moderators, newest first: ?status=open|resolved|all (open by default). */
export const GET = route({ access: "user", params: courseParams, query: reportListQuerySchema }, async ({ viewer, params, query }) =>
  NextResponse.json(await listReports(viewer, params.courseId, query), { headers: { "cache-control": "private, no-store" } }),
);
