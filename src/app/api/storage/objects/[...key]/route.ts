import { route } from "@/lib/http/handler";
import { receiveObject, serveObject } from "@/lib/storage/local-routes";
import { admitUploadWrite } from "@/lib/uploads/admit-upload-write";

/**
 * The local driver's signed object URLs: PUT one upload (to its staging key, while the upload is open), GET or HEAD
 * with Range. With S3 these answer 404.
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = { key: string[] };

export const GET = route<Params>(async (request, { params }) => serveObject(request, await params));
export const HEAD = GET;
export const PUT = route<Params>(async (request, { params }) => receiveObject(request, await params, admitUploadWrite));
