import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { resolveReport } from "@/lib/discussions/moderation";
import { reportParams, resolveReportSchema } from "@/lib/validation/discussions";

/** { resolved: true|false }: for the course's moderators. */
export const PATCH = route({ access: "user", params: reportParams, body: resolveReportSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await resolveReport(viewer, params.courseId, params.reportId, body.resolved)),
);
