import { NextResponse } from "next/server";
import { csvResponse } from "@/app/_http/csv-response";
import { route } from "@/app/_http/route";
import { exportCourseLearners } from "@/lib/analytics/export-course-learners";
import { listCourseLearners } from "@/lib/analytics/list-course-learners";
import { exportFormatSchema, learnersQuerySchema } from "@/lib/validation/analytics";
import { courseParams } from "@/lib/validation/ids";

/**
 * The course's learners (?q=&cohortId=&sort=name|enrolled|progress|activity&dir=asc|desc&page=), 25 a page; with &format=csv,
 * every learner matching q in that order as a CSV attachment.
 */
export const GET = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, query: learnersQuerySchema.and(exportFormatSchema) },
  async ({ viewer, params, query }) =>
    query.format === "csv"
      ? csvResponse(await exportCourseLearners(viewer, params.courseId, query))
      : NextResponse.json(await listCourseLearners(viewer, params.courseId, query)),
);
