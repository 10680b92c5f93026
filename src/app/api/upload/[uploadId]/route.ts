import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { cancelUpload, getUpload } from "@/lib/uploads";
import { uploadParams } from "@/lib/validation/ids";

/** An upload of the signed-in user: GET to resume it after a reload, DELETE to cancel it. Anyone else's is a 404. */
export const dynamic = "force-dynamic";

export const GET = route({ access: "user", params: uploadParams }, async ({ viewer, params }) =>
  NextResponse.json(await getUpload(viewer, params.uploadId), { headers: { "Cache-Control": "no-store" } }),
);

export const DELETE = route({ access: "user", params: uploadParams }, async ({ viewer, params }) =>
  NextResponse.json(await cancelUpload(viewer, params.uploadId)),
);
