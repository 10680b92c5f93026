import { NextResponse } from "next/server";
import { csvResponse } from "@/app/_http/csv-response";
import { route } from "@/app/_http/route";
import { exportAdminAnalytics } from "@/lib/analytics/export-admin-analytics";
import { getAdminAnalytics } from "@/lib/analytics/get-admin-analytics";
import { analyticsQuerySchema, exportFormatSchema } from "@/lib/validation/analytics";

/** Admins: platform analytics (?range=7d|30d|90d|all&bucket=day|week&cohortId=); with &format=csv, one CSV row per course. */
export const GET = route({ access: ["ADMIN"], query: analyticsQuerySchema.and(exportFormatSchema) }, async ({ viewer, query }) =>
  query.format === "csv"
    ? csvResponse(await exportAdminAnalytics(viewer, query))
    : NextResponse.json(await getAdminAnalytics(viewer, query)),
);
