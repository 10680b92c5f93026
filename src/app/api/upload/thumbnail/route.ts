import { startUploadRoute } from "@/lib/uploads/upload-routes";

/** Starts a thumbnail upload: the checks, a pending session and signed URLs for the browser's PUTs. */
export const dynamic = "force-dynamic";
export const POST = startUploadRoute("thumbnail");
