import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { attachMaterial } from "@/lib/curriculum/attach-material";
import { listLessonMaterials } from "@/lib/curriculum/manage-materials";
import { completeUploadSchema } from "@/lib/validation/upload";
import { lessonParams } from "@/lib/validation/ids";

const editors = ["INSTRUCTOR", "ADMIN"] as const;

/** The lesson's materials. */
export const GET = route({ access: editors, params: lessonParams }, async ({ viewer, params: { courseId, moduleId, lessonId } }) =>
  NextResponse.json({ materials: await listLessonMaterials(viewer, courseId, moduleId, lessonId) }),
);

/** { uploadId, parts? }: completes a material upload started for this lesson (POST /api/upload/material) and lists it. */
export const POST = route(
  { access: editors, params: lessonParams, body: completeUploadSchema },
  async ({ viewer, params: { courseId, moduleId, lessonId }, body }) =>
    NextResponse.json(await attachMaterial(viewer, courseId, { moduleId, lessonId }, body), { status: 201 }),
);
