import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { startUpload } from "@/lib/uploads";
import { startUploadSchemas } from "@/lib/validation/upload";

export const dynamic = "force-dynamic";

/** Starts a video upload: the checks, a pending session and signed URLs for the browser's PUTs. */
export const POST = route({ access: ["INSTRUCTOR", "ADMIN"], body: startUploadSchemas.video }, async ({ viewer, body }) =>
  NextResponse.json(await startUpload(viewer, "video", body), { status: 201 }),
);
