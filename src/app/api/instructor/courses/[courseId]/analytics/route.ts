import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getCourseAnalytics } from "@/lib/analytics/get-course-analytics";
import { analyticsQuerySchema } from "@/lib/validation/analytics";
import { courseParams } from "@/lib/validation/ids";

/** The course's analytics over a range (?range=7d|30d|90d|all&bucket=day|week&cohortId=), for its instructor or an admin. */
export const GET = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, query: analyticsQuerySchema },
  async ({ viewer, params, query }) => NextResponse.json(await getCourseAnalytics(viewer, params.courseId, query)),
);
