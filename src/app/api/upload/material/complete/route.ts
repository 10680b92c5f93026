import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { completeUpload } from "@/lib/uploads";
import { completeUploadSchema } from "@/lib/validation/upload";

export const dynamic = "force-dynamic";

/**
 * Completes a material upload: size and sniffed type checked, then attached. Any signed-in user may ask: an upload that is
 * not theirs is a 404, as if it did not exist.
 */
export const POST = route({ access: "user", body: completeUploadSchema }, async ({ viewer, body }) =>
  NextResponse.json({ material: await completeUpload(viewer, "material", body) }),
);
