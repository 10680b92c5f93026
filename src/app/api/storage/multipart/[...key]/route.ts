import { route } from "@/app/_http/route";
import { receiveSignedPut } from "@/lib/uploads/receive-signed-put";
import { storageKeyParams } from "@/lib/uploads/signed-storage-request";

/**
 * The local driver's signed part URLs of a multipart upload (?uploadId=…&partNumber=…), taken while the upload is
 * open. With S3 these answer 404. The signed URL is their authority: no session is needed and no same-origin check
 * applies.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const PUT = route({ access: "public", sameOrigin: false, params: storageKeyParams }, async ({ request, params }) => {
  const { etag } = await receiveSignedPut({
    route: "multipart",
    url: request.url,
    key: params.key,
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    body: request.body,
  });
  return new Response(null, { status: 200, headers: { ETag: `"${etag}"`, "Cache-Control": "no-store" } });
});
