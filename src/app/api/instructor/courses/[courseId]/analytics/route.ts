import { NextResponse } from "next/server";
import { getCourseAnalytics } from "@/lib/analytics/get-course-analytics";
import { parseParams, parseQuery, route } from "@/lib/http/handler";
import { analyticsQuerySchema, courseAnalyticsParams } from "@/lib/validation/analytics";

type Params = { courseId: string };

/** The course's analytics over a range (?range=7d|30d|90d|all&bucket=day|week), for its instructor or an admin. */
export const GET = route<Params>(async (request, { params }) => {
  const query = parseQuery(request, analyticsQuerySchema);
  const { courseId } = parseParams(await params, courseAnalyticsParams);
  return NextResponse.json(await getCourseAnalytics(courseId, query));
});
