import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/app/_http/route";
import { deleteCohort, getCohort, renameCohort } from "@/lib/cohorts/manage-cohorts";
import { cohortParams, cohortSchema } from "@/lib/validation/school-enrollment";

const pageQuery = z.object({
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional().default(1),
});

/** Admins: the cohort, a page of its members and its courses. */
export const GET = route({ access: ["ADMIN"], params: cohortParams, query: pageQuery }, async ({ viewer, params, query }) =>
  NextResponse.json(await getCohort(viewer, params.cohortId, query.page)),
);

/** Admins: { name } renames the cohort. */
export const PATCH = route({ access: ["ADMIN"], params: cohortParams, body: cohortSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ cohort: await renameCohort(viewer, params.cohortId, body.name) }),
);

/** Admins: deletes the cohort (204); the enrollments it made stay. */
export const DELETE = route({ access: ["ADMIN"], params: cohortParams }, async ({ viewer, params }) => {
  await deleteCohort(viewer, params.cohortId);
  return new NextResponse(null, { status: 204 });
});
