import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getInstructorAnalytics } from "@/lib/analytics/get-instructor-analytics";
import { analyticsQuerySchema } from "@/lib/validation/analytics";

/** Analytics across the signed-in instructor's own courses (?range=7d|30d|90d|all&bucket=day|week&cohortId=). */
export const GET = route({ access: ["INSTRUCTOR", "ADMIN"], query: analyticsQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await getInstructorAnalytics(viewer, query)),
);
