import { NextResponse } from "next/server";
import { csvResponse } from "@/lib/analytics/csv";
import { exportCourseLearners } from "@/lib/analytics/export-course-learners";
import { listCourseLearners } from "@/lib/analytics/list-course-learners";
import { parseParams, parseQuery, route } from "@/lib/http/handler";
import { courseAnalyticsParams, exportFormatSchema, learnersQuerySchema } from "@/lib/validation/analytics";

type Params = { courseId: string };

/**
 * The course's learners (?q=&sort=name|enrolled|progress|activity&dir=asc|desc&page=), 25 a page; with &format=csv,
 * every learner matching q in that order as a CSV attachment.
 */
export const GET = route<Params>(async (request, { params }) => {
  const query = parseQuery(request, learnersQuerySchema);
  const { format } = parseQuery(request, exportFormatSchema);
  const { courseId } = parseParams(await params, courseAnalyticsParams);
  if (format === "csv") return csvResponse(await exportCourseLearners(courseId, query));
  return NextResponse.json(await listCourseLearners(courseId, query));
});
