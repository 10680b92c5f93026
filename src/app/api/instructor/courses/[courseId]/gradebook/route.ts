import { NextResponse } from "next/server";
import { csvResponse } from "@/app/_http/csv-response";
import { route } from "@/app/_http/route";
import { exportGradebook, getGradebook } from "@/lib/analytics/gradebook";
import { exportFormatSchema } from "@/lib/validation/analytics";
import { courseParams } from "@/lib/validation/ids";

/** The gradebook: a row per learner, a column per quiz (best %) and assignment (points); ?format=csv as an attachment. */
export const GET = route(
  { access: ["INSTRUCTOR", "ADMIN"], params: courseParams, query: exportFormatSchema },
  async ({ viewer, params, query }) =>
    query.format === "csv"
      ? csvResponse(await exportGradebook(viewer, params.courseId))
      : NextResponse.json(await getGradebook(viewer, params.courseId), { headers: { "cache-control": "private, no-store" } }),
);
