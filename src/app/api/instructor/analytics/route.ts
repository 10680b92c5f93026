import { NextResponse } from "next/server";
import { getInstructorAnalytics } from "@/lib/analytics/get-instructor-analytics";
import { parseQuery, route } from "@/lib/http/handler";
import { analyticsQuerySchema } from "@/lib/validation/analytics";

/** Analytics across the signed-in instructor's own courses (?range=7d|30d|90d|all&bucket=day|week). */
export const GET = route(async (request) => NextResponse.json(await getInstructorAnalytics(parseQuery(request, analyticsQuerySchema))));
