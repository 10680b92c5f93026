import { NextResponse } from "next/server";
import { csvResponse } from "@/app/_http/csv-response";
import { route } from "@/app/_http/route";
import { exportGradebook, getGradebook } from "@/lib/analytics/gradebook";
import { cohortQuerySchema, exportFormatSchema } from "@/lib/validation/analytics";
import { courseParams } from "@/lib/validation/ids";

/**
 * The gradebook: a row per learner (per member of ?cohortId=), a column per quiz (best %) and assignment (points);
 * ?format=csv as an attachment.
 */
export const GET = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, query: exportFormatSchema.and(cohortQuerySchema) },
  async ({ viewer, params, query }) =>
    query.format === "csv"
      ? csvResponse(await exportGradebook(viewer, params.courseId, query.cohortId))
      : NextResponse.json(await getGradebook(viewer, params.courseId, query.cohortId), {
          headers: { "cache-control": "private, no-store" },
        }),
);
