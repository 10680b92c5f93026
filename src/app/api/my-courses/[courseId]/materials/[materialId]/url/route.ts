import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getMaterialUrl } from "@/lib/learning/lesson-for-learner";
import { materialParams } from "@/lib/validation/ids";

/** A signed download URL for a material of the course, valid for one hour. */
export const GET = route({ access: "user", params: materialParams }, async ({ viewer, params }) =>
  NextResponse.json(await getMaterialUrl(viewer, params.courseId, params.materialId), {
    headers: { "cache-control": "private, no-store" },
  }),
);
