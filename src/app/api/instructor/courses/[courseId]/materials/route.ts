import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { attachMaterial } from "@/lib/curriculum/attach-material";
import { listCourseMaterials } from "@/lib/curriculum/manage-materials";
import { completeUploadSchema } from "@/lib/validation/upload";
import { courseParams } from "@/lib/validation/ids";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** The course-level materials. */
export const GET = route({ access: editors, params: courseParams }, async ({ viewer, params }) =>
  NextResponse.json({ materials: await listCourseMaterials(viewer, params.courseId) }),
);

/** { uploadId, parts? }: completes a material upload started for this course (POST /api/upload/material) and lists it. */
export const POST = route({ access: editors, params: courseParams, body: completeUploadSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await attachMaterial(viewer, params.courseId, undefined, body), { status: 201 }),
);
