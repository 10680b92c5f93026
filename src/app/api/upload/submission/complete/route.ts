import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { completeUpload } from "@/lib/uploads";
import { completeUploadSchema } from "@/lib/validation/upload";

export const dynamic = "force-dynamic";

/**
 * Completes a learner's file for an assignment: size and sniffed type checked (as for a material); it waits for the
 * hand-in that names it. An upload that is not the viewer's is a 404, as if it did not exist.
 */
export const POST = route({ access: "user", body: completeUploadSchema }, async ({ viewer, body }) =>
  NextResponse.json({ file: await completeUpload(viewer, "submission", body) }),
);
