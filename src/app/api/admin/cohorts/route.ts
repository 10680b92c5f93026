import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createCohort, listCohorts } from "@/lib/cohorts/manage-cohorts";
import { cohortListQuerySchema, cohortSchema } from "@/lib/validation/school-enrollment";

/** Admins: cohorts matching ?q=, 25 a page (?page=), with their member and course counts. */
export const GET = route({ access: ["ADMIN"], query: cohortListQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await listCohorts(viewer, query)),
);

/** Admins: { name } makes a cohort (201); a name taken in any case is a 409. */
export const POST = route({ access: ["ADMIN"], body: cohortSchema }, async ({ viewer, body }) =>
  NextResponse.json({ cohort: await createCohort(viewer, body.name) }, { status: 201 }),
);
