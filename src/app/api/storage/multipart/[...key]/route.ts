import { signedPut } from "@/app/_http/signed-put";

/**
 * The local driver's signed part URLs of a multipart upload (?uploadId=…&partNumber=…), taken while the upload is
 * open. With S3 these answer 404. The signed URL is their authority: no session is needed and no same-origin check
 * applies.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const PUT = signedPut("multipart");
