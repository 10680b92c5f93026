import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { importUsers } from "@/lib/admin/import-users";
import { importRequestSchema } from "@/lib/validation/user-import";

/**
 * Admins: { rows: [{ line, name, email, role, cohort, courses }], dryRun?, invite? } imports one batch of a CSV (at most
 * 250 rows, one transaction); each row is answered as created, updated, unchanged or skipped with its reason. With
 * dryRun nothing is written.
 */
export const POST = route({ access: ["ADMIN"], body: importRequestSchema }, async ({ viewer, body }) =>
  NextResponse.json(await importUsers(viewer, body)),
);
