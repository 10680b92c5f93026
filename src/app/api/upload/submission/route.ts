import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { startSubmissionUpload } from "@/lib/assignments/submission-upload";
import { startUploadSchemas } from "@/lib/validation/upload";

export const dynamic = "force-dynamic";

/** Starts the upload of a file a learner hands in with an assignment: the checks, a pending session and signed URLs. */
export const POST = route({ access: "user", body: startUploadSchemas.submission }, async ({ viewer, body }) =>
  NextResponse.json(await startSubmissionUpload(viewer, body), { status: 201 }),
);
