import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { startUpload } from "@/lib/uploads";
import { startUploadSchemas } from "@/lib/validation/upload";

export const dynamic = "force-dynamic";

/** Starts a thumbnail upload: the checks, a pending session and signed URLs for the browser's PUTs. */
export const POST = route({ access: ["INSTRUCTOR", "ADMIN"], body: startUploadSchemas.thumbnail }, async ({ viewer, body }) =>
  NextResponse.json(await startUpload(viewer, "thumbnail", body), { status: 201 }),
);
