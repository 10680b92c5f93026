import { NextResponse } from "next/server";
import { csvResponse } from "@/lib/analytics/csv";
import { exportAdminAnalytics } from "@/lib/analytics/export-admin-analytics";
import { getAdminAnalytics } from "@/lib/analytics/get-admin-analytics";
import { parseQuery, route } from "@/lib/http/handler";
import { analyticsQuerySchema, exportFormatSchema } from "@/lib/validation/analytics";

/** Admins: platform analytics (?range=7d|30d|90d|all&bucket=day|week); with &format=csv, one CSV row per course. */
export const GET = route(async (request) => {
  const query = parseQuery(request, analyticsQuerySchema);
  const { format } = parseQuery(request, exportFormatSchema);
  if (format === "csv") return csvResponse(await exportAdminAnalytics(query));
  return NextResponse.json(await getAdminAnalytics(query));
});
