import { route } from "./route";
import { receiveSignedPut } from "@/lib/uploads/receive-signed-put";
import { storageKeyParams } from "@/lib/uploads/signed-storage-request";

/**
 * The local driver's signed PUT URLs, for one object or one part of a multipart upload: the signed URL is their
 * authority (no session, no same-origin check), and the answer carries the stored bytes' ETag, as S3's does.
 */
export const signedPut = (kind: "objects" | "multipart") =>
  route({ access: "public", sameOrigin: false, params: storageKeyParams }, async ({ request, params }) => {
    const { etag } = await receiveSignedPut({
      route: kind,
      url: request.url,
      key: params.key,
      contentType: request.headers.get("content-type"),
      contentLength: request.headers.get("content-length"),
      body: request.body,
    });
    return new Response(null, { status: 200, headers: { ETag: `"${etag}"`, "Cache-Control": "no-store" } });
  });
