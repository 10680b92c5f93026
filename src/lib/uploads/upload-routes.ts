import "server-only";
import { NextResponse } from "next/server";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { type UploadKind, completeUploadSchema, startUploadSchemas, uploadParams } from "@/lib/validation/upload";
import { completeUpload } from "./complete-upload";
import { cancelUpload, getUpload } from "./manage-upload";
import { startUpload } from "./start-upload";

/** The handlers of /api/upload/**, one factory per verb so that each route file is a line. */

type UploadIdParams = { uploadId: string };

export const startUploadRoute = (kind: UploadKind) =>
  route(async (request) => {
    assertSameOrigin(request);
    const input = await parseJson(request, startUploadSchemas[kind]);
    return NextResponse.json(await startUpload(kind, input), { status: 201 });
  });

export const completeUploadRoute = (kind: UploadKind) =>
  route(async (request) => {
    assertSameOrigin(request);
    const input = await parseJson(request, completeUploadSchema);
    return NextResponse.json({ [kind]: await completeUpload(kind, input) });
  });

export const getUploadRoute = route<UploadIdParams>(async (_request, { params }) => {
  const { uploadId } = parseParams(await params, uploadParams);
  return NextResponse.json(await getUpload(uploadId), { headers: { "Cache-Control": "no-store" } });
});

export const cancelUploadRoute = route<UploadIdParams>(async (request, { params }) => {
  const { uploadId } = parseParams(await params, uploadParams);
  assertSameOrigin(request);
  return NextResponse.json(await cancelUpload(uploadId));
});
