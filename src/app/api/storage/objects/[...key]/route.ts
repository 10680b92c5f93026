import { route } from "@/app/_http/route";
import { signedPut } from "@/app/_http/signed-put";
import { openSignedObject } from "@/lib/uploads/open-signed-object";
import { storageKeyParams } from "@/lib/uploads/signed-storage-request";

/**
 * The local driver's signed object URLs: PUT one upload (to its staging key, while the upload is open), GET or HEAD
 * with Range. With S3 these answer 404. The signed URL is their authority: no session is needed and no same-origin
 * check applies.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const signedUrl = { access: "public", sameOrigin: false, params: storageKeyParams } as const;

export const GET = route(signedUrl, async ({ request, params }) => {
  const object = await openSignedObject({ url: request.url, key: params.key, range: request.headers.get("range") });
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": object.contentType,
    "Cache-Control": "private, max-age=300",
    // A stored file is never a page of this app, even when a browser opens it.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (object.contentDisposition) headers.set("Content-Disposition", object.contentDisposition);
  const { range, size } = object;
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    headers.set("Content-Type", "application/json");
    const error = { error: { code: "BAD_REQUEST", message: "The requested range is outside the file." } };
    return new Response(JSON.stringify(error), { status: 416, headers });
  }
  if (range) headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
  // Next.js drops Content-Length from route handler responses and sends them chunked; Content-Range still gives the total.
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : size));
  const status = range ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  return new Response(await object.read(), { status, headers });
});

export const HEAD = GET;

export const PUT = signedPut("objects");
