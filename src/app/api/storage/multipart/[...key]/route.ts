import { route } from "@/lib/http/handler";
import { receivePart } from "@/lib/storage/local-routes";
import { admitUploadWrite } from "@/lib/uploads/admit-upload-write";

/**
 * The local driver's signed part URLs of a multipart upload (?uploadId=…&partNumber=…), taken while the upload is
 * open. With S3 these answer 404.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const PUT = route<{ key: string[] }>(async (request, { params }) => receivePart(request, await params, admitUploadWrite));
