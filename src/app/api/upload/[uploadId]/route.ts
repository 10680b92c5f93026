import { cancelUploadRoute, getUploadRoute } from "@/lib/uploads/upload-routes";

/** An upload of the signed-in user: GET to resume it after a reload, DELETE to cancel it. */
export const dynamic = "force-dynamic";
export const GET = getUploadRoute;
export const DELETE = cancelUploadRoute;
